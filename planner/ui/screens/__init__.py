"""The editor's screens: the main screen, its forms and dialogs."""
