"""The widgets of a hat tab: checklist, KPI table, weekly log, and the pane that holds them."""
