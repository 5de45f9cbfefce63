/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-model.h: validation of the model objects and the error domain the
 * model, the lifecycle and the store's edit rules report in. */
#pragma once

#include <glib-object.h>

#include "herald-campaign.h"
#include "herald-contact.h"
#include "herald-event.h"
#include "herald-performance-day.h"
#include "herald-recipient.h"
#include "herald-record.h"
#include "herald-segment.h"
#include "herald-template.h"
#include "herald-variant.h"

G_BEGIN_DECLS

#define HERALD_MODEL_ERROR (herald_model_error_quark ())

/**
 * HeraldModelError:
 * @HERALD_MODEL_ERROR_INVALID: a field has a value it may not have; the
 *   message names the field
 * @HERALD_MODEL_ERROR_TRANSITION: a status change the lifecycle forbids;
 *   the message names both states
 * @HERALD_MODEL_ERROR_FROZEN: a field that may no longer change in the
 *   campaign's status
 * @HERALD_MODEL_ERROR_INCOMPATIBLE: a template whose type does not fit the
 *   campaign's type
 */
typedef enum {
  HERALD_MODEL_ERROR_INVALID,
  HERALD_MODEL_ERROR_TRANSITION,
  HERALD_MODEL_ERROR_FROZEN,
  HERALD_MODEL_ERROR_INCOMPATIBLE,
} HeraldModelError;

GQuark       herald_model_error_quark           (void);

gboolean     herald_is_valid_email              (const char      *address);
gboolean     herald_is_valid_phone              (const char      *e164);
gboolean     herald_is_valid_currency           (const char      *code);
gboolean     herald_is_valid_date               (const char      *yyyy_mm_dd);
const char  *herald_field_get_label             (const char      *property);

/* Each returns FALSE with a HERALD_MODEL_ERROR naming the first bad field.
 * @warning (nullable) receives a translated note about a value that is
 * allowed but probably wrong (spent above budget), or NULL. */
gboolean     herald_record_validate             (HeraldRecord    *record,
                                                 char           **warning,
                                                 GError         **error);
gboolean     herald_campaign_validate_template  (HeraldCampaign  *campaign,
                                                 HeraldTemplate  *template_,
                                                 GError         **error);
gboolean     herald_campaign_validate_schedule  (HeraldCampaign  *campaign,
                                                 GDateTime       *now,
                                                 GError         **error);

G_END_DECLS
