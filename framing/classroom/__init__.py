"""Lessons: blind reading, student annotation, lesson files and the discussion prompts built from the tables."""
