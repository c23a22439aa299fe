"""The weekly briefing: data gathering, templates, CSS, PDF rendering, email."""
