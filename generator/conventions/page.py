"""The page of a report under ND30, in twips (1 cm = 567 twips): A4 and the decree's margins."""

A4 = (11906, 16838)  # width, height of a portrait page (210 × 297 mm)
MARGINS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}  # 20, 20, 30, 15 mm, portrait or landscape
