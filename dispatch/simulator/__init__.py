"""Training-mode simulator: generated callers and incidents for staff and volunteers learning the console.

Nothing here touches a real telephone line; everything is reproducible from a seed.
"""
