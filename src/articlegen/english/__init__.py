"""A shared lower layer: English morphology and the house style for numbers.

Pure functions that know nothing about articles, so every stage may use them: title
forms (facts), the precision comparisons round to (plan), and template filters (wording).

morphology.py  plurals, a/an, possessives and lists
numbers.py     how money, percentages and counts are written, and the precision they are compared at
"""
