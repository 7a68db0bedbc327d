"""The Word writer: the ND30 frame from a docxtpl template, the body, tables and sections in OOXML."""
