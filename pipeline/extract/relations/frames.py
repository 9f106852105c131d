"""Placeholder while frames are written."""
def extract_frames(ctx, sent):
    return iter(())
