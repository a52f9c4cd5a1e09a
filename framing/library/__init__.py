"""A teacher's own material: importing articles, saving stories, editing and saving lexicons."""
