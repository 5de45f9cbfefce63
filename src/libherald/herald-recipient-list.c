/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-recipient-list.c: a GListModel of one campaign's recipients,
 * paging from the store. */

#include "config.h"

#include "herald-enum-types.h"
#include "herald-list-pager.h"
#include "herald-recipient-list.h"
#include "herald-store-private.h"

struct _HeraldRecipientList
{
  GObject              parent_instance;

  HeraldStore         *store;
  char                *campaign_id;
  int                  status;
  char                *search;
  HeraldRecipientSort  sort;
  HeraldListPager     *pager;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldRecipientList, herald_recipient_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN_ID,
  PROP_STATUS,
  PROP_SEARCH,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
bind_filter (sqlite3_stmt *stmt,
             int           first_index,
             gpointer      user_data)
{
  HeraldRecipientList *self = user_data;
  int i = first_index;

  sqlite3_bind_text (stmt, i++, self->campaign_id, -1, SQLITE_TRANSIENT);
  if (self->status >= 0)
    sqlite3_bind_text (stmt, i++, herald_enum_to_nick (HERALD_TYPE_RECIPIENT_STATUS, self->status),
                       -1, SQLITE_STATIC);
  if (self->search != NULL)
    sqlite3_bind_text (stmt, i++, self->search, -1, SQLITE_TRANSIENT);
  return i;
}

static void
apply_filter (HeraldRecipientList *self)
{
  g_autoptr(GString) where = g_string_new ("campaign_id = ?");
  g_autofree char *count_sql = NULL;

  if (self->status >= 0)
    g_string_append (where, " AND status = ?");
  if (self->search != NULL)
    g_string_append (where, " AND instr (lower (address), lower (?)) > 0");
  /* Without a search the length is the triggers' count, O(1) (bound like
   * the WHERE: campaign, then status); a search counts the matching rows. */
  if (self->search == NULL)
    count_sql = g_strconcat (HERALD_STORE_RECIPIENT_COUNT_SQL, self->status >= 0 ? " AND status = ?" : NULL, NULL);
  herald_list_pager_set_query (self->pager, count_sql, where->str,
                               self->sort == HERALD_RECIPIENT_SORT_ADDRESS ? "address" : "local_id",
                               FALSE, NULL, bind_filter, self);
}

static void
reload (HeraldRecipientList *self)
{
  guint old, now;

  apply_filter (self);
  old = herald_list_pager_reload (self->pager);
  now = herald_list_pager_get_n_items (self->pager);
  if (herald_list_pager_emit_reload (G_LIST_MODEL (self), old, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
record_changed_cb (HeraldStore         *store,
                   HeraldRecord        *old_record,
                   HeraldRecord        *new_record,
                   HeraldRecipientList *self)
{
  HeraldListPagerChange change;
  HeraldRecord *any = old_record ? old_record : new_record;

  if (!HERALD_IS_RECIPIENT (any))
    return;

  change = herald_list_pager_apply (self->pager, old_record, new_record);
  if (herald_list_pager_emit_change (G_LIST_MODEL (self), self->pager, change))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
table_reset_cb (HeraldStore         *store,
                const char          *table,
                HeraldRecipientList *self)
{
  if (g_str_equal (table, "recipients"))
    reload (self);
}

static GType
herald_recipient_list_get_item_type (GListModel *model)
{
  return HERALD_TYPE_RECIPIENT;
}

static guint
herald_recipient_list_get_n_items (GListModel *model)
{
  return herald_list_pager_get_n_items (HERALD_RECIPIENT_LIST (model)->pager);
}

static gpointer
herald_recipient_list_get_item (GListModel *model,
                                guint       position)
{
  return herald_list_pager_get_item (HERALD_RECIPIENT_LIST (model)->pager, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = herald_recipient_list_get_item_type;
  iface->get_n_items = herald_recipient_list_get_n_items;
  iface->get_item = herald_recipient_list_get_item;
}

static void
herald_recipient_list_dispose (GObject *object)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->pager, herald_list_pager_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (herald_recipient_list_parent_class)->dispose (object);
}

static void
herald_recipient_list_finalize (GObject *object)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  g_free (self->campaign_id);
  g_free (self->search);

  G_OBJECT_CLASS (herald_recipient_list_parent_class)->finalize (object);
}

static void
herald_recipient_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, HERALD_TYPE_RECIPIENT);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->pager ? herald_list_pager_get_n_items (self->pager) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_recipient_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CAMPAIGN_ID:
      self->campaign_id = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      herald_recipient_list_set_status (self, g_value_get_int (value));
      break;

    case PROP_SEARCH:
      herald_recipient_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_recipient_list_constructed (GObject *object)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  G_OBJECT_CLASS (herald_recipient_list_parent_class)->constructed (object);

  g_assert (HERALD_IS_STORE (self->store));
  g_assert (self->campaign_id != NULL);
  self->pager = herald_list_pager_new (self->store, HERALD_TYPE_RECIPIENT, "recipients");
  apply_filter (self);
  herald_list_pager_reload (self->pager);
  g_signal_connect (self->store, "record-changed", G_CALLBACK (record_changed_cb), self);
  g_signal_connect (self->store, "table-reset", G_CALLBACK (table_reset_cb), self);
}

static void
herald_recipient_list_class_init (HeraldRecipientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_recipient_list_dispose;
  object_class->finalize = herald_recipient_list_finalize;
  object_class->get_property = herald_recipient_list_get_property;
  object_class->set_property = herald_recipient_list_set_property;
  object_class->constructed = herald_recipient_list_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      -1, HERALD_RECIPIENT_STATUS_FAILED, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        HERALD_TYPE_RECIPIENT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_recipient_list_init (HeraldRecipientList *self)
{
  self->status = -1;
  self->sort = HERALD_RECIPIENT_SORT_ADDRESS;
}

/**
 * herald_recipient_list_new:
 * @store: the store
 * @campaign_id: the campaign whose recipients to list
 *
 * Opens the list by address: the campaign's recipient count (one row of
 * `recipient_counts` per status, no COUNT), no rows read until an item is
 * asked for.  With an address search the list counts the matching rows.
 *
 * Returns: (transfer full): a new list
 */
HeraldRecipientList *
herald_recipient_list_new (HeraldStore *store,
                           const char  *campaign_id)
{
  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  return g_object_new (HERALD_TYPE_RECIPIENT_LIST, "store", store, "campaign-id", campaign_id, NULL);
}

/**
 * herald_recipient_list_get_store:
 * @self: a list
 *
 * Returns: (transfer none): the store
 */
HeraldStore *
herald_recipient_list_get_store (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);

  return self->store;
}

/**
 * herald_recipient_list_get_campaign_id:
 * @self: a list
 *
 * Returns: the campaign's id
 */
const char *
herald_recipient_list_get_campaign_id (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);

  return self->campaign_id;
}

/**
 * herald_recipient_list_set_status:
 * @self: a list
 * @status: a #HeraldRecipientStatus, -1 for any
 *
 * Shows only recipients in @status.
 */
void
herald_recipient_list_set_status (HeraldRecipientList *self,
                                  int                  status)
{
  g_return_if_fail (HERALD_IS_RECIPIENT_LIST (self));
  g_return_if_fail (status >= -1 && status <= HERALD_RECIPIENT_STATUS_FAILED);

  if (self->status == status)
    return;
  self->status = status;
  if (self->pager != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * herald_recipient_list_get_status:
 * @self: a list
 *
 * Returns: the status filter, -1 for any
 */
int
herald_recipient_list_get_status (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), -1);

  return self->status;
}

/**
 * herald_recipient_list_set_search:
 * @self: a list
 * @address_text: (nullable): text found anywhere in the address
 *
 * Shows only recipients whose address contains @address_text, ignoring
 * case.
 */
void
herald_recipient_list_set_search (HeraldRecipientList *self,
                                  const char          *address_text)
{
  g_return_if_fail (HERALD_IS_RECIPIENT_LIST (self));

  if (address_text != NULL && *address_text == '\0')
    address_text = NULL;
  if (g_strcmp0 (self->search, address_text) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (address_text);
  if (self->pager != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * herald_recipient_list_get_search:
 * @self: a list
 *
 * Returns: (nullable): the address filter
 */
const char *
herald_recipient_list_get_search (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);

  return self->search;
}

/**
 * herald_recipient_list_set_sort:
 * @self: a list
 * @sort: by address or in the order they were added
 *
 * Changes the order.
 */
void
herald_recipient_list_set_sort (HeraldRecipientList *self,
                                HeraldRecipientSort  sort)
{
  g_return_if_fail (HERALD_IS_RECIPIENT_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  reload (self);
}

/**
 * herald_recipient_list_get_sort:
 * @self: a list
 *
 * Returns: the order
 */
HeraldRecipientSort
herald_recipient_list_get_sort (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), HERALD_RECIPIENT_SORT_ADDRESS);

  return self->sort;
}
