"""Risk stratification with the Keele STarT Back tool: content, scoring, replies."""
