/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-row-model.c: a GListModel of stable rows over another list model,
 * so that a list view keeps its row widgets when the model underneath is
 * replaced.
 *
 * GTK 4.8's list item manager never recycles a row widget for another
 * item: an items-changed over the visible rows destroys their widgets
 * (and, in a GtkColumnView, one cell widget per column) and builds new
 * ones, with their CSS and layout, which made every keystroke of the
 * campaign search cost ~100 ms.  HeraldRowModel hands out one HeraldRow
 * per position instead: its "item" is what the wrapped model has there.
 * When the wrapped model is replaced (herald_row_model_set_model()) or
 * changes in place (items-changed with as many added as removed), the
 * live rows just get their new item (notify::item, which the cells
 * follow); items-changed is emitted only where the number of rows
 * changes.  Other changes of the wrapped model (a row inserted, removed
 * or moved) pass through exactly.
 *
 * Only rows someone holds are kept: a row no one references any more
 * forgets its place, so a list of 100,000 has as many rows as the view
 * holds (GTK 4.8's list view keeps about 200, most of them off screen).
 *
 * A new model updates the first "eager" rows at once, the ones the view
 * shows at its top; the others are marked stale and brought up to date
 * in chunks at idle priority once herald_row_model_refresh_later() is
 * called (the view does after its next frame), at once by
 * herald_row_model_flush() (the view calls it when it scrolls), and by
 * g_list_model_get_item() for the row asked for.  So the frame after a
 * keystroke only lays out the rows on screen. */

#include "config.h"

#include "herald-row-model.h"

struct _HeraldRow
{
  GObject         parent_instance;

  HeraldRowModel *model;      /* unowned; NULL once the row is dropped */
  GObject        *item;
  guint           position;
  gboolean        stale;      /* item is from the model before */
};

struct _HeraldRowModel
{
  GObject         parent_instance;

  GListModel     *model;
  GHashTable     *rows;       /* position → HeraldRow (unowned) */
  guint           n_items;
  guint           eager;
  guint           refresh_id;
};

/* Stale rows brought up to date per idle callback. */
#define REFRESH_CHUNK 40

static void herald_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (HeraldRow, herald_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldRowModel, herald_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, herald_row_model_list_model_init))

enum {
  ROW_PROP_0,
  ROW_PROP_ITEM,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

/* HeraldRow ------------------------------------------------------------ */

static void
row_set_item (HeraldRow *self,
              gpointer   item)
{
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
}

static void
herald_row_dispose (GObject *object)
{
  HeraldRow *self = HERALD_ROW (object);

  /* the last reference went: the model forgets the row */
  if (self->model != NULL
      && g_hash_table_lookup (self->model->rows, GUINT_TO_POINTER (self->position)) == self)
    g_hash_table_remove (self->model->rows, GUINT_TO_POINTER (self->position));
  self->model = NULL;
  g_clear_object (&self->item);

  G_OBJECT_CLASS (herald_row_parent_class)->dispose (object);
}

static void
herald_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HeraldRow *self = HERALD_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_row_class_init (HeraldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_row_dispose;
  object_class->get_property = herald_row_get_property;

  /**
   * HeraldRow:item:
   *
   * What the wrapped model has at the row's position.
   */
  row_properties[ROW_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
herald_row_init (HeraldRow *self)
{
}

/**
 * herald_row_get_item:
 * @self: a row
 *
 * Returns: (transfer none) (type GObject) (nullable): the item of the
 *   wrapped model at the row's position; it changes (notify::item) when
 *   the wrapped model does.
 */
gpointer
herald_row_get_item (HeraldRow *self)
{
  g_return_val_if_fail (HERALD_IS_ROW (self), NULL);

  return self->item;
}

/**
 * herald_row_get_position:
 * @self: a row
 *
 * Returns: the row's position in its model (the last one, once dropped)
 */
guint
herald_row_get_position (HeraldRow *self)
{
  g_return_val_if_fail (HERALD_IS_ROW (self), 0);

  return self->position;
}

/* HeraldRowModel ------------------------------------------------------- */

static void
drop_row (HeraldRow *row)
{
  row->model = NULL;
}

static void
drop_rows (HeraldRowModel *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    drop_row (row);
  g_hash_table_remove_all (self->rows);
}

static void
refresh_row (HeraldRowModel *self,
             HeraldRow      *row)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, row->position);

  row->stale = FALSE;
  row_set_item (row, item);
}

/* Up to @limit rows (all for G_MAXUINT) that match: those in [from, to),
 * or with @stale_only the stale ones; referenced, as notify handlers may
 * drop rows. */
static GPtrArray *
collect_rows (HeraldRowModel *self,
              guint           from,
              guint           to,
              gboolean        stale_only,
              guint           limit)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (rows->len < limit && g_hash_table_iter_next (&iter, NULL, &value))
    {
      HeraldRow *row = value;

      if (stale_only ? row->stale : (row->position >= from && row->position < to))
        g_ptr_array_add (rows, g_object_ref (row));
    }
  return rows;
}

/* The live rows in [from, to) get what the wrapped model has there now. */
static void
repoint_rows (HeraldRowModel *self,
              guint           from,
              guint           to)
{
  g_autoptr(GPtrArray) rows = collect_rows (self, from, to, FALSE, G_MAXUINT);

  for (guint i = 0; i < rows->len; i++)
    refresh_row (self, g_ptr_array_index (rows, i));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  HeraldRowModel *self = user_data;
  g_autoptr(GPtrArray) rows = collect_rows (self, 0, 0, TRUE, REFRESH_CHUNK);

  for (guint i = 0; i < rows->len; i++)
    refresh_row (self, g_ptr_array_index (rows, i));
  if (rows->len == REFRESH_CHUNK)
    return G_SOURCE_CONTINUE;
  self->refresh_id = 0;
  return G_SOURCE_REMOVE;
}

static void
model_items_changed_cb (GListModel     *model,
                        guint           position,
                        guint           removed,
                        guint           added,
                        HeraldRowModel *self)
{
  g_autoptr(GHashTable) moved = NULL;
  GHashTableIter iter;
  gpointer key, row;

  /* the same rows with other items: nothing for the view to rebuild */
  if (removed == added && removed > 0)
    {
      repoint_rows (self, position, position + added);
      return;
    }

  moved = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      HeraldRow *r = row;

      if (r->position < position)
        g_hash_table_insert (moved, GUINT_TO_POINTER (r->position), r);
      else if (r->position < position + removed)
        drop_row (r);
      else
        {
          r->position = r->position - removed + added;
          g_hash_table_insert (moved, GUINT_TO_POINTER (r->position), r);
        }
    }
  g_hash_table_remove_all (self->rows);
  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, &key, &row))
    g_hash_table_insert (self->rows, key, row);

  self->n_items = self->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
herald_row_model_get_item_type (GListModel *list)
{
  return HERALD_TYPE_ROW;
}

static guint
herald_row_model_get_n_items (GListModel *list)
{
  return HERALD_ROW_MODEL (list)->n_items;
}

static gpointer
herald_row_model_get_item (GListModel *list,
                           guint       position)
{
  HeraldRowModel *self = HERALD_ROW_MODEL (list);
  HeraldRow *row;

  if (position >= self->n_items)
    return NULL;
  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    {
      /* whoever asks gets it as it is now */
      if (row->stale)
        refresh_row (self, row);
      return g_object_ref (row);
    }

  row = g_object_new (HERALD_TYPE_ROW, NULL);
  row->model = self;
  row->position = position;
  row->item = g_list_model_get_item (self->model, position);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  return row;
}

static void
herald_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = herald_row_model_get_item_type;
  iface->get_n_items = herald_row_model_get_n_items;
  iface->get_item = herald_row_model_get_item;
}

static void
herald_row_model_dispose (GObject *object)
{
  HeraldRowModel *self = HERALD_ROW_MODEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  drop_rows (self);

  G_OBJECT_CLASS (herald_row_model_parent_class)->dispose (object);
}

static void
herald_row_model_finalize (GObject *object)
{
  HeraldRowModel *self = HERALD_ROW_MODEL (object);

  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (herald_row_model_parent_class)->finalize (object);
}

static void
herald_row_model_class_init (HeraldRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_row_model_dispose;
  object_class->finalize = herald_row_model_finalize;
}

static void
herald_row_model_init (HeraldRowModel *self)
{
  self->rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->eager = G_MAXUINT;
}

/**
 * herald_row_model_new:
 *
 * Returns: (transfer full): an empty row model
 */
HeraldRowModel *
herald_row_model_new (void)
{
  return g_object_new (HERALD_TYPE_ROW_MODEL, NULL);
}

/**
 * herald_row_model_get_model:
 * @self: a row model
 *
 * Returns: (transfer none) (nullable): the wrapped model
 */
GListModel *
herald_row_model_get_model (HeraldRowModel *self)
{
  g_return_val_if_fail (HERALD_IS_ROW_MODEL (self), NULL);

  return self->model;
}

/**
 * herald_row_model_set_model:
 * @self: a row model
 * @model: (nullable): the model to wrap
 *
 * Wraps @model instead of the last one: the rows that are shown get the
 * new items in place, and items-changed covers only the rows added at the
 * end or removed from it.
 */
void
herald_row_model_set_model (HeraldRowModel *self,
                            GListModel     *model)
{
  guint old_n, new_n;

  g_return_if_fail (HERALD_IS_ROW_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (model == self->model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self, 0);

  old_n = self->n_items;
  new_n = model != NULL ? g_list_model_get_n_items (model) : 0;

  /* rows past the new end go; the others show the new items */
  if (new_n < old_n)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        if (HERALD_ROW (row)->position >= new_n)
          {
            drop_row (row);
            g_hash_table_iter_remove (&iter);
          }
    }
  self->n_items = new_n;
  repoint_rows (self, 0, MIN (MIN (old_n, new_n), self->eager));
  if (self->eager < MIN (old_n, new_n))
    {
      g_autoptr(GPtrArray) later = collect_rows (self, self->eager, MIN (old_n, new_n), FALSE, G_MAXUINT);

      for (guint i = 0; i < later->len; i++)
        HERALD_ROW (g_ptr_array_index (later, i))->stale = TRUE;
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

/**
 * herald_row_model_set_eager:
 * @self: a row model
 * @n_rows: how many rows from the top a new model updates at once
 *   (G_MAXUINT, the default: all)
 *
 * The other rows are updated after the next frame (see the top of the
 * file).
 */
void
herald_row_model_set_eager (HeraldRowModel *self,
                            guint           n_rows)
{
  g_return_if_fail (HERALD_IS_ROW_MODEL (self));

  self->eager = n_rows;
}

/**
 * herald_row_model_flush:
 * @self: a row model
 *
 * Brings every stale row up to date now.
 */
void
herald_row_model_flush (HeraldRowModel *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (HERALD_IS_ROW_MODEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  rows = collect_rows (self, 0, 0, TRUE, G_MAXUINT);
  for (guint i = 0; i < rows->len; i++)
    refresh_row (self, g_ptr_array_index (rows, i));
}

/**
 * herald_row_model_refresh_later:
 * @self: a row model
 *
 * Brings the stale rows up to date in chunks at idle priority.
 */
void
herald_row_model_refresh_later (HeraldRowModel *self)
{
  g_return_if_fail (HERALD_IS_ROW_MODEL (self));

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}
