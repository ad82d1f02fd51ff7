"""Words of the layout that adapts to the terminal's size (SPEC §3 "Layout")."""

MESSAGES = {
    "layout.col.weeks": {"one": "{count} week", "other": "{count} weeks"},
}
