/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-wizard-checks.h: what the campaign wizard checks before a campaign
 * is saved (the review checklist), its cost estimate, the A/B sample-size
 * hint and the time-zone conversion of the schedule.  GTK-free. */

#pragma once

#include "herald-campaign.h"
#include "herald-enums.h"
#include "herald-store.h"
#include "herald-template.h"

G_BEGIN_DECLS

/* Codes of the checklist items. */
#define HERALD_WIZARD_CHECK_MISSING_SEGMENT     "missing-segment"
#define HERALD_WIZARD_CHECK_MISSING_TEMPLATE    "missing-template"
#define HERALD_WIZARD_CHECK_TEMPLATE_TYPE       "template-type"
#define HERALD_WIZARD_CHECK_MISSING_SUBJECT     "missing-subject"
#define HERALD_WIZARD_CHECK_UNKNOWN_VARIABLE    "unknown-variable"
#define HERALD_WIZARD_CHECK_FALLBACK            "fallback"
#define HERALD_WIZARD_CHECK_MISSING_UNSUBSCRIBE "missing-unsubscribe"
#define HERALD_WIZARD_CHECK_LINK_NOT_HTTP       "link-not-http"
#define HERALD_WIZARD_CHECK_IMAGE_WITHOUT_ALT   "image-without-alt"
#define HERALD_WIZARD_CHECK_SMS_SEGMENTS        "sms-segments"
#define HERALD_WIZARD_CHECK_SCHEDULE_PAST       "schedule-past"
#define HERALD_WIZARD_CHECK_BUDGET_EXCEEDED     "budget-exceeded"

/**
 * HeraldWizardStep:
 *
 * The steps of the wizard, in order; a checklist item names the step where
 * it can be fixed.
 */
typedef enum
{
  HERALD_WIZARD_STEP_BASICS,
  HERALD_WIZARD_STEP_AUDIENCE,
  HERALD_WIZARD_STEP_CONTENT,
  HERALD_WIZARD_STEP_SCHEDULE,
  HERALD_WIZARD_STEP_REVIEW,
  HERALD_WIZARD_N_STEPS,
} HeraldWizardStep;

/**
 * HeraldWizardCheck:
 * @code: one of the HERALD_WIZARD_CHECK_* codes
 * @blocking: %TRUE when the campaign cannot be saved as scheduled with it
 * @step: where it can be fixed
 * @message: a translated sentence for the user
 */
typedef struct
{
  char             *code;
  gboolean          blocking;
  HeraldWizardStep  step;
  char             *message;
} HeraldWizardCheck;

void       herald_wizard_check_free        (HeraldWizardCheck *check);

/**
 * HeraldWizardSubject:
 *
 * One subject (and body) to check: the template's own, or an A/B
 * variant's.  @body_html NULL means the template's.
 */
typedef struct
{
  const char *name;
  const char *subject;
  const char *body_html;
} HeraldWizardSubject;

GPtrArray *herald_wizard_check_campaign    (HeraldStore               *store,
                                            HeraldCampaign            *campaign,
                                            HeraldTemplate            *template_,
                                            const HeraldWizardSubject *subjects,
                                            guint                      n_subjects,
                                            gint64                     cost_per_message,
                                            GDateTime                 *now);
guint      herald_wizard_checks_count      (GPtrArray                 *checks,
                                            const char                *code);
gboolean   herald_wizard_checks_blocking   (GPtrArray                 *checks);

guint      herald_wizard_message_parts     (HeraldCampaign            *campaign,
                                            HeraldTemplate            *template_);
gint64     herald_wizard_estimate_cost     (gint64                     audience,
                                            guint                      parts,
                                            gint64                     cost_per_message);

const char *herald_wizard_effective_preheader (HeraldCampaign         *campaign,
                                            HeraldTemplate            *template_);

gint64     herald_wizard_count_reachable   (HeraldStore               *store,
                                            HeraldCampaignType         type,
                                            guint                      max_samples,
                                            GPtrArray                **samples,
                                            GError                   **error);

/**
 * HeraldWizardPreview:
 * @subject: (nullable): the rendered subject (e-mail) or title (push);
 *   %NULL for SMS
 * @preheader: (nullable): the rendered preheader, e-mail only
 * @html: (nullable): the rendered HTML body, e-mail only
 * @text: the rendered plain-text part, SMS text or push body
 *
 * A message as sending renders it for one contact.
 */
typedef struct
{
  char *subject;
  char *preheader;
  char *html;
  char *text;
} HeraldWizardPreview;

void       herald_wizard_preview_free      (HeraldWizardPreview       *preview);
HeraldWizardPreview *herald_wizard_render_preview (HeraldCampaign     *campaign,
                                            HeraldTemplate            *template_,
                                            const HeraldWizardSubject *variant,
                                            HeraldContact             *contact,
                                            GError                   **error);

GDateTime *herald_wizard_dup_last_sync     (HeraldStore               *store);
char      *herald_wizard_segment_subtitle  (HeraldSegment             *segment,
                                            GDateTime                 *last_sync,
                                            GDateTime                 *now);

char      *herald_wizard_send_now_problem  (gboolean                   online,
                                            gboolean                   crm_configured);

double     herald_wizard_baseline_rate     (HeraldWinnerMetric         metric);
char      *herald_wizard_sample_size_hint  (gint64                     audience,
                                            int                        test_percent,
                                            guint                      n_variants,
                                            HeraldWinnerMetric         metric,
                                            double                     baseline,
                                            double                     confidence);

GDateTime *herald_wizard_local_to_utc      (const char                *time_zone,
                                            int                        year,
                                            int                        month,
                                            int                        day,
                                            int                        hour,
                                            int                        minute);
GStrv      herald_wizard_list_time_zones   (void);
char      *herald_wizard_default_time_zone (void);
GStrv      herald_wizard_list_currencies   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldWizardCheck, herald_wizard_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldWizardPreview, herald_wizard_preview_free)

G_END_DECLS
