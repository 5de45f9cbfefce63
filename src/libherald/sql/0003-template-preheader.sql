-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: e-mail templates carry a preheader, the line that mail
-- clients show after the subject.

ALTER TABLE templates ADD COLUMN preheader TEXT NOT NULL DEFAULT '';
