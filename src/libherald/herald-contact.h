/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-contact.h: a person campaigns reach. */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_CONTACT (herald_contact_get_type ())
G_DECLARE_FINAL_TYPE (HeraldContact, herald_contact, HERALD, CONTACT, HeraldRecord)

HeraldContact *herald_contact_new              (void);
const char *   herald_contact_get_name         (HeraldContact *self);
void           herald_contact_set_name         (HeraldContact *self, const char *name);
const char *   herald_contact_get_email        (HeraldContact *self);
void           herald_contact_set_email        (HeraldContact *self, const char *email);
const char *   herald_contact_get_phone        (HeraldContact *self);
void           herald_contact_set_phone        (HeraldContact *self, const char *phone);
const char *   herald_contact_get_locale       (HeraldContact *self);
void           herald_contact_set_locale       (HeraldContact *self, const char *locale);
const char *   herald_contact_get_time_zone    (HeraldContact *self);
void           herald_contact_set_time_zone    (HeraldContact *self, const char *time_zone);
const char *   herald_contact_get_attributes   (HeraldContact *self);
void           herald_contact_set_attributes   (HeraldContact *self, const char *attributes);
gboolean       herald_contact_get_unsubscribed (HeraldContact *self);
void           herald_contact_set_unsubscribed (HeraldContact *self, gboolean unsubscribed);
gboolean       herald_contact_get_consent      (HeraldContact *self);
void           herald_contact_set_consent      (HeraldContact *self, gboolean consent);

G_END_DECLS
