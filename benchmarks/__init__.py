"""Speed and agreement-with-humans harnesses (not part of the test run)."""
