/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-list.c: a GListModel of campaigns paging from the store. */

#include "config.h"

#include "herald-campaign-list.h"
#include "herald-list-pager.h"
#include "herald-store-private.h"

struct _HeraldCampaignList
{
  GObject              parent_instance;

  HeraldStore         *store;
  HeraldCampaignQuery *query;
  HeraldCampaignQuery *filter;  /* query without its text search, which the pager adds */
  HeraldListPager     *pager;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldCampaignList, herald_campaign_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
bind_query (sqlite3_stmt *stmt,
            int           first_index,
            gpointer      user_data)
{
  HeraldCampaignList *self = user_data;

  return herald_store_bind_campaign_query (stmt, first_index, self->filter);
}

static void
apply_query (HeraldCampaignList *self)
{
  g_autofree char *where = NULL;
  g_autofree char *fts = herald_store_fts_query (herald_campaign_query_get_search (self->query));
  /* binds the filter's parameters, then the search's: as the pager does */
  g_autofree char *count = herald_store_campaign_count_sql (self->query);

  g_clear_pointer (&self->filter, herald_campaign_query_unref);
  self->filter = herald_campaign_query_copy (self->query);
  herald_campaign_query_set_search (self->filter, NULL);
  where = herald_store_campaign_where_sql (self->filter);
  herald_list_pager_set_query (self->pager, count, where,
                               herald_store_campaign_sort_sql (herald_campaign_query_get_sort (self->query),
                                                               herald_campaign_query_get_descending (self->query)),
                               herald_campaign_query_get_descending (self->query),
                               fts, bind_query, self);
}

static void
reload (HeraldCampaignList *self)
{
  guint old = herald_list_pager_reload (self->pager);
  guint now = herald_list_pager_get_n_items (self->pager);

  if (herald_list_pager_emit_reload (G_LIST_MODEL (self), old, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
record_changed_cb (HeraldStore        *store,
                   HeraldRecord       *old_record,
                   HeraldRecord       *new_record,
                   HeraldCampaignList *self)
{
  HeraldListPagerChange change;
  HeraldRecord *any = old_record ? old_record : new_record;

  if (!HERALD_IS_CAMPAIGN (any))
    return;

  change = herald_list_pager_apply (self->pager, old_record, new_record);
  if (herald_list_pager_emit_change (G_LIST_MODEL (self), self->pager, change))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
table_reset_cb (HeraldStore        *store,
                const char         *table,
                HeraldCampaignList *self)
{
  if (g_str_equal (table, "campaigns"))
    reload (self);
}

static GType
herald_campaign_list_get_item_type (GListModel *model)
{
  return HERALD_TYPE_CAMPAIGN;
}

static guint
herald_campaign_list_get_n_items (GListModel *model)
{
  return herald_list_pager_get_n_items (HERALD_CAMPAIGN_LIST (model)->pager);
}

static gpointer
herald_campaign_list_get_item (GListModel *model,
                               guint       position)
{
  return herald_list_pager_get_item (HERALD_CAMPAIGN_LIST (model)->pager, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = herald_campaign_list_get_item_type;
  iface->get_n_items = herald_campaign_list_get_n_items;
  iface->get_item = herald_campaign_list_get_item;
}

static void
herald_campaign_list_dispose (GObject *object)
{
  HeraldCampaignList *self = HERALD_CAMPAIGN_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->pager, herald_list_pager_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, herald_campaign_query_unref);
  g_clear_pointer (&self->filter, herald_campaign_query_unref);

  G_OBJECT_CLASS (herald_campaign_list_parent_class)->dispose (object);
}

static void
herald_campaign_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldCampaignList *self = HERALD_CAMPAIGN_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, HERALD_TYPE_CAMPAIGN);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->pager ? herald_list_pager_get_n_items (self->pager) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeraldCampaignList *self = HERALD_CAMPAIGN_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      if (self->pager == NULL)
        self->query = g_value_get_boxed (value) ? herald_campaign_query_copy (g_value_get_boxed (value)) : NULL;
      else
        herald_campaign_list_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_list_constructed (GObject *object)
{
  HeraldCampaignList *self = HERALD_CAMPAIGN_LIST (object);

  G_OBJECT_CLASS (herald_campaign_list_parent_class)->constructed (object);

  g_assert (HERALD_IS_STORE (self->store));
  if (self->query == NULL)
    self->query = herald_campaign_query_new ();
  self->pager = herald_list_pager_new (self->store, HERALD_TYPE_CAMPAIGN, "campaigns");
  apply_query (self);
  herald_list_pager_reload (self->pager);
  g_signal_connect (self->store, "record-changed", G_CALLBACK (record_changed_cb), self);
  g_signal_connect (self->store, "table-reset", G_CALLBACK (table_reset_cb), self);
}

static void
herald_campaign_list_class_init (HeraldCampaignListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_campaign_list_dispose;
  object_class->get_property = herald_campaign_list_get_property;
  object_class->set_property = herald_campaign_list_set_property;
  object_class->constructed = herald_campaign_list_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        HERALD_TYPE_CAMPAIGN_QUERY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        HERALD_TYPE_CAMPAIGN,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_campaign_list_init (HeraldCampaignList *self)
{
}

/**
 * herald_campaign_list_new:
 * @store: the store
 * @query: (nullable): filters and order, %NULL for all by last update
 *
 * Opens the list: one COUNT, no rows read until an item is asked for.
 *
 * Returns: (transfer full): a new list
 */
HeraldCampaignList *
herald_campaign_list_new (HeraldStore         *store,
                          HeraldCampaignQuery *query)
{
  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);

  return g_object_new (HERALD_TYPE_CAMPAIGN_LIST, "store", store, "query", query, NULL);
}

/**
 * herald_campaign_list_get_store:
 * @self: a list
 *
 * Returns: (transfer none): the store
 */
HeraldStore *
herald_campaign_list_get_store (HeraldCampaignList *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_LIST (self), NULL);

  return self->store;
}

/**
 * herald_campaign_list_get_query:
 * @self: a list
 *
 * Returns: (transfer none): the query; copy it to change it
 */
HeraldCampaignQuery *
herald_campaign_list_get_query (HeraldCampaignList *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_LIST (self), NULL);

  return self->query;
}

/**
 * herald_campaign_list_set_query:
 * @self: a list
 * @query: (nullable): the new filters and order
 *
 * Re-selects; emits one items-changed over the whole list.
 */
void
herald_campaign_list_set_query (HeraldCampaignList  *self,
                                HeraldCampaignQuery *query)
{
  g_autoptr(HeraldCampaignQuery) all = NULL;

  g_return_if_fail (HERALD_IS_CAMPAIGN_LIST (self));

  if (query == NULL)
    query = all = herald_campaign_query_new ();
  if (herald_campaign_query_equal (self->query, query))
    return;
  herald_campaign_query_unref (self->query);
  self->query = herald_campaign_query_copy (query);
  apply_query (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}
