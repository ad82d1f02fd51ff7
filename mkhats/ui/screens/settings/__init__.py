"""The settings screen (``s``), a package: the screen, its sections and their forms.

``screen`` (``SettingsScreen``), ``pane`` (the sections' base and ``Select`` helpers), ``people``
(people, hats, checklists, language), ``conflicts``, ``kpis``, ``dialogs`` (add a conflict rule,
add or edit a KPI). Sections open the dialogs; the dialogs use the base's helpers only.
"""

from mkhats.ui.screens.settings.screen import SettingsScreen

__all__ = ["SettingsScreen"]
