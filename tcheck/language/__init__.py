"""Facts about languages and writing systems: scripts, function words."""
