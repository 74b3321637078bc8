"""Follow-up over time: a remembered episode, check-ins, the trend, the verdict."""
