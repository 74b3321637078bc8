"""What BackChat keeps about a person, and how it is redacted, exported and deleted."""
