/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-query.c: filters and sort order of a campaign list. */

#include "config.h"

#include "herald-campaign-query.h"

struct _HeraldCampaignQuery
{
  gatomicrefcount    ref_count;
  int                status;
  int                type;
  char              *search;
  GDateTime         *updated_since;
  HeraldCampaignSort sort;
  gboolean           descending;
};

G_DEFINE_BOXED_TYPE (HeraldCampaignQuery, herald_campaign_query,
                     herald_campaign_query_ref, herald_campaign_query_unref)

/**
 * herald_campaign_query_new:
 *
 * Returns: (transfer full): a query for every campaign, most recently
 *   updated first
 */
HeraldCampaignQuery *
herald_campaign_query_new (void)
{
  HeraldCampaignQuery *self = g_new0 (HeraldCampaignQuery, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->status = -1;
  self->type = -1;
  self->sort = HERALD_CAMPAIGN_SORT_UPDATED_AT;
  self->descending = TRUE;
  return self;
}

/**
 * herald_campaign_query_copy:
 * @self: a query
 *
 * Returns: (transfer full): an independent copy to change
 */
HeraldCampaignQuery *
herald_campaign_query_copy (HeraldCampaignQuery *self)
{
  HeraldCampaignQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = herald_campaign_query_new ();
  copy->status = self->status;
  copy->type = self->type;
  copy->search = g_strdup (self->search);
  copy->updated_since = self->updated_since ? g_date_time_ref (self->updated_since) : NULL;
  copy->sort = self->sort;
  copy->descending = self->descending;
  return copy;
}

/**
 * herald_campaign_query_ref:
 * @self: a query
 *
 * Returns: (transfer full): @self
 */
HeraldCampaignQuery *
herald_campaign_query_ref (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * herald_campaign_query_unref:
 * @self: (transfer full): a query
 *
 * Drops a reference.
 */
void
herald_campaign_query_unref (HeraldCampaignQuery *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->search);
      g_clear_pointer (&self->updated_since, g_date_time_unref);
      g_free (self);
    }
}

/**
 * herald_campaign_query_equal:
 * @a: a query
 * @b: a query
 *
 * Returns: whether both select and sort the same
 */
gboolean
herald_campaign_query_equal (HeraldCampaignQuery *a,
                             HeraldCampaignQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->updated_since == NULL || b->updated_since == NULL)
    {
      if (a->updated_since != b->updated_since)
        return FALSE;
    }
  else if (!g_date_time_equal (a->updated_since, b->updated_since))
    return FALSE;

  return a->status == b->status && a->type == b->type
         && g_strcmp0 (a->search, b->search) == 0
         && a->sort == b->sort && a->descending == b->descending;
}

/**
 * herald_campaign_query_set_status:
 * @self: a query
 * @status: a #HeraldCampaignStatus, or -1 for any
 *
 * Restricts the query to one status.
 */
void
herald_campaign_query_set_status (HeraldCampaignQuery *self,
                                  int                  status)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (status >= -1 && status <= HERALD_CAMPAIGN_STATUS_CANCELLED);

  self->status = status;
}

/**
 * herald_campaign_query_get_status:
 * @self: a query
 *
 * Returns: the status filter, -1 for any
 */
int
herald_campaign_query_get_status (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->status;
}

/**
 * herald_campaign_query_set_campaign_type:
 * @self: a query
 * @type: a #HeraldCampaignType, or -1 for any
 *
 * Restricts the query to one type.
 */
void
herald_campaign_query_set_campaign_type (HeraldCampaignQuery *self,
                                         int                  type)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (type >= -1 && type <= HERALD_CAMPAIGN_TYPE_SOCIAL);

  self->type = type;
}

/**
 * herald_campaign_query_get_campaign_type:
 * @self: a query
 *
 * Returns: the type filter, -1 for any
 */
int
herald_campaign_query_get_campaign_type (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->type;
}

/**
 * herald_campaign_query_set_search:
 * @self: a query
 * @text: (nullable): words typed by a person
 *
 * Keeps campaigns whose name, description, preheader or sender contain
 * words starting with each of the words of @text.
 */
void
herald_campaign_query_set_search (HeraldCampaignQuery *self,
                                  const char          *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->search);
  self->search = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

/**
 * herald_campaign_query_get_search:
 * @self: a query
 *
 * Returns: (nullable): the search text
 */
const char *
herald_campaign_query_get_search (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->search;
}

/**
 * herald_campaign_query_set_updated_since:
 * @self: a query
 * @since: (nullable): a time
 *
 * Keeps campaigns updated at or after @since.
 */
void
herald_campaign_query_set_updated_since (HeraldCampaignQuery *self,
                                         GDateTime           *since)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->updated_since, g_date_time_unref);
  if (since != NULL)
    self->updated_since = g_date_time_ref (since);
}

/**
 * herald_campaign_query_get_updated_since:
 * @self: a query
 *
 * Returns: (transfer none) (nullable): the lower bound on updated_at
 */
GDateTime *
herald_campaign_query_get_updated_since (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->updated_since;
}

/**
 * herald_campaign_query_set_sort:
 * @self: a query
 * @sort: the sort key
 * @descending: whether the largest comes first
 *
 * Sets the order; ties are broken by insertion order, so it is total.
 */
void
herald_campaign_query_set_sort (HeraldCampaignQuery *self,
                                HeraldCampaignSort   sort,
                                gboolean             descending)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sort <= HERALD_CAMPAIGN_SORT_SPENT);

  self->sort = sort;
  self->descending = !!descending;
}

/**
 * herald_campaign_query_get_sort:
 * @self: a query
 *
 * Returns: the sort key
 */
HeraldCampaignSort
herald_campaign_query_get_sort (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, HERALD_CAMPAIGN_SORT_UPDATED_AT);

  return self->sort;
}

/**
 * herald_campaign_query_get_descending:
 * @self: a query
 *
 * Returns: whether the order is descending
 */
gboolean
herald_campaign_query_get_descending (HeraldCampaignQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->descending;
}
