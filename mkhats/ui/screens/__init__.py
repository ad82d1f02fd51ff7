"""Screens (KPI detail, review, settings, help) and modal dialogs (forms)."""
