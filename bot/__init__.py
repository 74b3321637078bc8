"""BackChat: clinical logic, language, library, hand-off and web, free of Rasa."""
