"""English messages: Textual's own words in the app (palette, header, toasts) and relative times."""

MESSAGES = {
    # Textual's literals, in its English (mkhats.ui.palette and ui.app put these in their place).
    "ui.palette.no_matches": "No matches found",
    "ui.palette.open": "Open the command palette",
    "ui.quit_hint.title": "Do you want to quit?",
    "ui.quit_hint": "Press {key} to quit the app",
    "ui.screenshot.title": "Screenshot",
    "ui.screenshot.saved": "Saved screenshot",
    "ui.screenshot.saved_to": "Saved screenshot to {file}",
    "ui.screenshot.failed": "Failed to save screenshot",
    # Relative times (present.relative): pendulum words the rest ("3 days ago", "2 weeks").
    "time.today": "today",
    "time.just_now": "just now",
    "review.checked_when": "{pair}: checked by {by} on {day} ({ago}), valid until {until} ({left} left).",
    "review.checked_expires_today": "{pair}: checked by {by} on {day} ({ago}), valid through today.",
    "import_ui.inbox_newest": "The newest arrived {ago}.",
    "restore_ui.newest": "The newest backup below was made {ago}.",
}
