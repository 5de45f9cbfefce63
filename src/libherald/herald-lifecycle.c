/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-lifecycle.c: the one transition table of a campaign's status. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-lifecycle.h"
#include "herald-model.h"

#define N_STATUS (HERALD_CAMPAIGN_STATUS_CANCELLED + 1)

/* transitions[from][to]: the command that makes the change, or NULL when
 * the change is not allowed.  Completed and cancelled are final. */
static const char * const transitions[N_STATUS][N_STATUS] = {
  [HERALD_CAMPAIGN_STATUS_DRAFT] = {
    [HERALD_CAMPAIGN_STATUS_SCHEDULED] = "schedule",
    [HERALD_CAMPAIGN_STATUS_RUNNING] = "start",
    [HERALD_CAMPAIGN_STATUS_CANCELLED] = "cancel",
  },
  [HERALD_CAMPAIGN_STATUS_SCHEDULED] = {
    [HERALD_CAMPAIGN_STATUS_DRAFT] = "unschedule",
    [HERALD_CAMPAIGN_STATUS_RUNNING] = "start",
    [HERALD_CAMPAIGN_STATUS_CANCELLED] = "cancel",
  },
  [HERALD_CAMPAIGN_STATUS_RUNNING] = {
    [HERALD_CAMPAIGN_STATUS_PAUSED] = "pause",
    [HERALD_CAMPAIGN_STATUS_COMPLETED] = "complete",
    [HERALD_CAMPAIGN_STATUS_CANCELLED] = "cancel",
  },
  [HERALD_CAMPAIGN_STATUS_PAUSED] = {
    [HERALD_CAMPAIGN_STATUS_RUNNING] = "resume",
    [HERALD_CAMPAIGN_STATUS_CANCELLED] = "cancel",
  },
};

/* Fields that record what happened rather than what a person planned; the
 * store and sync may update them in every status. */
static const char * const always_editable[] = {
  "target-count", "sent-count", "delivered-count", "open-count",
  "click-count", "conversion-count", "spent", "started-at", "completed-at",
};

/* What a person may still change once the campaign is running or paused:
 * the content, the audience and the sender are frozen. */
static const char * const editable_while_active[] = {
  "name", "description", "budget",
};

/* After the end only the notes. */
static const char * const editable_when_final[] = {
  "description",
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *property)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], property))
      return TRUE;
  return FALSE;
}

/**
 * herald_campaign_status_can_transition:
 * @from: the current status
 * @to: the wanted status
 *
 * Returns: whether the transition table allows @from → @to
 */
gboolean
herald_campaign_status_can_transition (HeraldCampaignStatus from,
                                       HeraldCampaignStatus to)
{
  g_return_val_if_fail (from < N_STATUS && to < N_STATUS, FALSE);

  return transitions[from][to] != NULL;
}

/**
 * herald_campaign_status_is_final:
 * @status: a status
 *
 * Returns: whether nothing can follow @status (completed, cancelled)
 */
gboolean
herald_campaign_status_is_final (HeraldCampaignStatus status)
{
  g_return_val_if_fail (status < N_STATUS, FALSE);

  for (guint to = 0; to < N_STATUS; to++)
    if (transitions[status][to] != NULL)
      return FALSE;
  return TRUE;
}

/**
 * herald_campaign_status_get_command:
 * @from: the current status
 * @to: the wanted status
 *
 * Returns: (nullable): the command that sync replays for the transition
 *   ("schedule", "unschedule", "start", "pause", "resume", "complete",
 *   "cancel"), or %NULL when it is not allowed
 */
const char *
herald_campaign_status_get_command (HeraldCampaignStatus from,
                                    HeraldCampaignStatus to)
{
  g_return_val_if_fail (from < N_STATUS && to < N_STATUS, NULL);

  return transitions[from][to];
}

/**
 * herald_campaign_status_allows_edit:
 * @status: a campaign's status
 * @property: the name of a #HeraldCampaign property
 *
 * Drafts and scheduled campaigns can change everything; running and paused
 * ones only name, description and budget; completed and cancelled ones only
 * the description.  Counts, spent and the start/end times are tracking data
 * and always change.  The status itself changes through
 * herald_campaign_transition() only.
 *
 * Returns: whether @property may change while the campaign is in @status
 */
gboolean
herald_campaign_status_allows_edit (HeraldCampaignStatus  status,
                                    const char           *property)
{
  g_return_val_if_fail (property != NULL, FALSE);

  if (g_str_equal (property, "status"))
    return FALSE;
  if (in_list (always_editable, G_N_ELEMENTS (always_editable), property))
    return TRUE;

  switch (status)
    {
    case HERALD_CAMPAIGN_STATUS_DRAFT:
    case HERALD_CAMPAIGN_STATUS_SCHEDULED:
      return TRUE;
    case HERALD_CAMPAIGN_STATUS_RUNNING:
    case HERALD_CAMPAIGN_STATUS_PAUSED:
      return in_list (editable_while_active, G_N_ELEMENTS (editable_while_active), property);
    case HERALD_CAMPAIGN_STATUS_COMPLETED:
    case HERALD_CAMPAIGN_STATUS_CANCELLED:
      return in_list (editable_when_final, G_N_ELEMENTS (editable_when_final), property);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * herald_campaign_transition:
 * @self: a campaign
 * @to: the wanted status
 * @now: (nullable): the current time, %NULL for the clock's
 * @error: return location for a %HERALD_MODEL_ERROR
 *
 * Moves @self to @to when the table allows it: scheduling needs a time in
 * the future; starting sets started_at, completing sets completed_at.  The
 * object is unchanged on failure.
 *
 * Returns: whether the status changed
 */
gboolean
herald_campaign_transition (HeraldCampaign        *self,
                            HeraldCampaignStatus   to,
                            GDateTime             *now,
                            GError               **error)
{
  g_autoptr(GDateTime) clock = NULL;
  HeraldCampaignStatus from;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (to < N_STATUS, FALSE);

  from = herald_campaign_get_status (self);
  if (!herald_campaign_status_can_transition (from, to))
    {
      g_set_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_TRANSITION,
                   _("A campaign cannot go from “%s” to “%s”."),
                   herald_campaign_status_get_display_name (from),
                   herald_campaign_status_get_display_name (to));
      return FALSE;
    }

  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();
  if (to == HERALD_CAMPAIGN_STATUS_SCHEDULED
      && !herald_campaign_validate_schedule (self, now, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (to == HERALD_CAMPAIGN_STATUS_RUNNING && herald_campaign_get_started_at (self) == NULL)
    herald_campaign_set_started_at (self, now);
  if (to == HERALD_CAMPAIGN_STATUS_COMPLETED)
    herald_campaign_set_completed_at (self, now);
  herald_campaign_set_status (self, to);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * herald_campaign_check_edit:
 * @before: the campaign as stored
 * @after: the campaign as it would be stored
 * @error: return location for a %HERALD_MODEL_ERROR
 *
 * Checks that every field that differs may change in @before's status, and
 * that a status change follows the table.
 *
 * Returns: whether the edit is allowed
 */
gboolean
herald_campaign_check_edit (HeraldCampaign  *before,
                            HeraldCampaign  *after,
                            GError         **error)
{
  g_autofree GParamSpec **pspecs = NULL;
  HeraldCampaignStatus from, to;
  guint n_pspecs;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (before), FALSE);
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (after), FALSE);

  from = herald_campaign_get_status (before);
  to = herald_campaign_get_status (after);
  if (from != to && !herald_campaign_status_can_transition (from, to))
    {
      g_set_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_TRANSITION,
                   _("A campaign cannot go from “%s” to “%s”."),
                   herald_campaign_status_get_display_name (from),
                   herald_campaign_status_get_display_name (to));
      return FALSE;
    }

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (before), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      gboolean same;

      if (pspecs[i]->owner_type != HERALD_TYPE_CAMPAIGN || g_str_equal (pspecs[i]->name, "status"))
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (before), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (after), pspecs[i]->name, &vb);
      if (pspecs[i]->value_type == G_TYPE_DATE_TIME)
        {
          GDateTime *a = g_value_get_boxed (&va), *b = g_value_get_boxed (&vb);
          same = (a == NULL || b == NULL) ? a == b : g_date_time_equal (a, b);
        }
      else
        same = g_param_values_cmp (pspecs[i], &va, &vb) == 0;

      if (!same && !herald_campaign_status_allows_edit (from, pspecs[i]->name))
        {
          const char *label = herald_field_get_label (pspecs[i]->name);

          g_set_error (error, HERALD_MODEL_ERROR, HERALD_MODEL_ERROR_FROZEN,
                       /* Translators: the first %s is a field's label (e.g. Template), the second a status */
                       _("“%s” can no longer be changed: the campaign is “%s”."),
                       label != NULL ? label : pspecs[i]->name,
                       herald_campaign_status_get_display_name (from));
          return FALSE;
        }
    }
  return TRUE;
}
