"""Which articles a command runs over, for bulk runs, the gates and the editors' tools.

pairs.py      pairs of occupations: all, the golden ones, or a CSV file, sampled deterministically
documents.py  those pairs' articles (or overview pages), realized one at a time
"""
