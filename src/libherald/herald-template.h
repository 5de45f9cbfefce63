/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-template.h: a message template (the seed's CampaignTemplate). */
#pragma once

#include "herald-record.h"

G_BEGIN_DECLS

#define HERALD_TYPE_TEMPLATE (herald_template_get_type ())
G_DECLARE_FINAL_TYPE (HeraldTemplate, herald_template, HERALD, TEMPLATE, HeraldRecord)

HeraldTemplate *   herald_template_new               (void);
const char *       herald_template_get_name          (HeraldTemplate *self);
void               herald_template_set_name          (HeraldTemplate *self, const char *name);
const char *       herald_template_get_description   (HeraldTemplate *self);
void               herald_template_set_description   (HeraldTemplate *self, const char *description);
HeraldTemplateType herald_template_get_template_type (HeraldTemplate *self);
void               herald_template_set_template_type (HeraldTemplate *self, HeraldTemplateType type);
const char *       herald_template_get_locale        (HeraldTemplate *self);
void               herald_template_set_locale        (HeraldTemplate *self, const char *locale);
const char *       herald_template_get_subject       (HeraldTemplate *self);
void               herald_template_set_subject       (HeraldTemplate *self, const char *subject);
const char *       herald_template_get_preheader     (HeraldTemplate *self);
void               herald_template_set_preheader     (HeraldTemplate *self, const char *preheader);
const char *       herald_template_get_body_html     (HeraldTemplate *self);
void               herald_template_set_body_html     (HeraldTemplate *self, const char *body_html);
const char *       herald_template_get_body_text     (HeraldTemplate *self);
void               herald_template_set_body_text     (HeraldTemplate *self, const char *body_text);
const char *       herald_template_get_variables     (HeraldTemplate *self);
void               herald_template_set_variables     (HeraldTemplate *self, const char *variables);
gboolean           herald_template_get_is_active     (HeraldTemplate *self);
void               herald_template_set_is_active     (HeraldTemplate *self, gboolean is_active);

G_END_DECLS
