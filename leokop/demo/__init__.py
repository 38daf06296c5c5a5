"""Demo data that looks real: two Hessian Berufsschulen, their classes, companies and apprentices."""
