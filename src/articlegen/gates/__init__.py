"""Quality gates: realized `Document`s in, reports of what is wrong with them out.

verify.py     every printed number traced to a fact of its sentence, and every comparison read
claims.py     what a comparison sentence claims (direction, base, ratio, sameness), checked
reading.py    the numbers a sentence prints, as verify and claims read them
check.py      Harper's grammar check of the prose (the grammar extra)
variety.py    how alike articles read: shared sentence skeletons
artifacts.py  what must never appear in an article ("None", "nan", template braces)
"""
