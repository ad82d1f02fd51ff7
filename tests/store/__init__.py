"""Tests of mkhats."""
