"""What the interviewer knows: the candidate's stories, role packs and the story index."""
