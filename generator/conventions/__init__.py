"""ND30 and Vietnamese conventions, defined once: numbers, dates, page, heading labels."""
