/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-activity-page.c: the event log of one campaign, newest first,
 * filtered by type and by period (HeraldDateRange: the last 7, 30 or 90
 * days, all time, or days picked in calendars; UTC days, as the
 * performance dashboards count them).
 *
 * Events are read in keyset pages of PAGE_SIZE; the next page is read when
 * the list is scrolled near its end, so only what was looked at is in
 * memory.  The store's signals keep it live: a new event of this campaign
 * is inserted at the top, a batch (table-reset) reloads. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-a11y.h"
#include "herald-activity-page.h"
#include "herald-campaign-ops.h"
#include "herald-date-range.h"

#define PAGE_SIZE 200

struct _HeraldActivityPage
{
  AdwBin               parent_instance;

  HeraldStore         *store;
  char                *campaign_id;
  GListStore          *events;
  gboolean             exhausted;

  GtkDropDown         *type_dropdown;
  HeraldDateRange     *date_range;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (HeraldActivityPage, herald_activity_page, ADW_TYPE_BIN)

static int
selected_type (HeraldActivityPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static GDateTime *
parse_day (const char *day)
{
  int y, m, d;

  if (day == NULL || sscanf (day, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* The period as [since, until): from the start of the first day to the
 * start of the day after the last; NULL where it is open. */
static void
selected_period (HeraldActivityPage  *self,
                 GDateTime          **since,
                 GDateTime          **until)
{
  g_autoptr(GDateTime) last = parse_day (herald_date_range_get_to (self->date_range));

  *since = parse_day (herald_date_range_get_from (self->date_range));
  *until = last != NULL ? g_date_time_add_days (last, 1) : NULL;
}

static void
load_page (HeraldActivityPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autoptr(HeraldEvent) after = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->events), n - 1) : NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) page = NULL;

  if (self->exhausted || self->store == NULL || self->campaign_id == NULL)
    return;
  selected_period (self, &since, &until);
  page = herald_store_list_events (self->store, self->campaign_id, selected_type (self), since, until,
                                   after, PAGE_SIZE, NULL);
  if (page == NULL || page->len < PAGE_SIZE)
    self->exhausted = TRUE;
  if (page != NULL && page->len > 0)
    g_list_store_splice (self->events, n, 0, page->pdata, page->len);
}

static void
reload (HeraldActivityPage *self)
{
  g_list_store_remove_all (self->events);
  self->exhausted = FALSE;
  load_page (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0 ? "list" : "empty");
}

static void
filter_changed_cb (HeraldActivityPage *self)
{
  reload (self);
}

static void
edge_reached_cb (HeraldActivityPage *self,
                 GtkPositionType     position)
{
  if (position == GTK_POS_BOTTOM)
    load_page (self);
}

static gboolean
event_matches (HeraldActivityPage *self,
               HeraldEvent        *event)
{
  GDateTime *when = herald_event_get_timestamp (event);
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;

  selected_period (self, &since, &until);
  return g_strcmp0 (herald_event_get_campaign_id (event), self->campaign_id) == 0
         && (selected_type (self) < 0 || (int) herald_event_get_event_type (event) == selected_type (self))
         && (since == NULL || g_date_time_compare (when, since) >= 0)
         && (until == NULL || g_date_time_compare (when, until) < 0);
}

static void
record_changed_cb (HeraldActivityPage *self,
                   HeraldRecord       *old_record,
                   HeraldRecord       *new_record)
{
  if (self->campaign_id == NULL)
    return;
  if (HERALD_IS_EVENT (new_record) && old_record == NULL && event_matches (self, HERALD_EVENT (new_record)))
    {
      /* Usually the newest; otherwise its place is found among the loaded. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events)), pos = 0;
      GDateTime *when = herald_event_get_timestamp (HERALD_EVENT (new_record));

      for (; pos < n; pos++)
        {
          g_autoptr(HeraldEvent) e = g_list_model_get_item (G_LIST_MODEL (self->events), pos);

          if (g_date_time_compare (herald_event_get_timestamp (e), when) <= 0)
            break;
        }
      if (pos < n || self->exhausted)
        g_list_store_insert (self->events, pos, new_record);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (HERALD_IS_EVENT (new_record ? new_record : old_record))
    reload (self);
}

static void
table_reset_cb (HeraldActivityPage *self,
                const char         *table)
{
  if (g_strcmp0 (table, "events") == 0 && self->campaign_id != NULL)
    reload (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static const char *
event_icon (HeraldEventType type)
{
  switch (type)
    {
    case HERALD_EVENT_TYPE_SENT:
      return "mail-send-symbolic";
    case HERALD_EVENT_TYPE_DELIVERED:
      return "mail-read-symbolic";
    case HERALD_EVENT_TYPE_OPENED:
      return "mail-unread-symbolic";
    case HERALD_EVENT_TYPE_CLICKED:
      return "input-mouse-symbolic";
    case HERALD_EVENT_TYPE_BOUNCED:
      return "dialog-warning-symbolic";
    case HERALD_EVENT_TYPE_CONVERTED:
      return "emblem-ok-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  HeraldActivityPage *self = user_data;
  HeraldEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *what = gtk_widget_get_next_sibling (icon);
  GtkWidget *when = gtk_widget_get_next_sibling (what);
  g_autofree char *time = herald_format_datetime (herald_event_get_timestamp (event));
  g_autofree char *text = NULL;
  g_autoptr(HeraldRecipient) recipient = NULL;
  const char *type = herald_event_type_get_display_name (herald_event_get_event_type (event));

  if (herald_event_get_recipient_id (event) != NULL)
    recipient = herald_store_get_recipient (self->store, herald_event_get_recipient_id (event), NULL);
  /* Translators: an event and whom it concerns: "Opened · anna@example.com" */
  text = recipient ? g_strdup_printf (C_("event", "%s · %s"), type, herald_recipient_get_address (recipient))
                   : g_strdup (type);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), event_icon (herald_event_get_event_type (event)));
  gtk_label_set_label (GTK_LABEL (what), text);
  gtk_label_set_label (GTK_LABEL (when), time);
}

static void
herald_activity_page_dispose (GObject *object)
{
  HeraldActivityPage *self = HERALD_ACTIVITY_PAGE (object);

  g_clear_object (&self->events);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign_id, g_free);

  G_OBJECT_CLASS (herald_activity_page_parent_class)->dispose (object);
}

static void
herald_activity_page_class_init (HeraldActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_activity_page_dispose;

  g_type_ensure (HERALD_TYPE_DATE_RANGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldActivityPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldActivityPage, date_range);
  gtk_widget_class_bind_template_child (widget_class, HeraldActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldActivityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, HeraldActivityPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
herald_activity_page_init (HeraldActivityPage *self)
{
  GtkStringList *types = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->events = g_list_store_new (HERALD_TYPE_EVENT);

  gtk_string_list_append (types, _("All Events"));
  for (int i = HERALD_EVENT_TYPE_SENT; i <= HERALD_EVENT_TYPE_CONVERTED; i++)
    gtk_string_list_append (types, herald_event_type_get_display_name (i));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  g_object_unref (types);
  herald_a11y_name_drop_down (self->type_dropdown, _("Event type"));
  /* the whole log until a period is chosen */
  herald_date_range_set_preset (self->date_range, HERALD_DATE_RANGE_ALL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->events)))));
  g_signal_connect_object (self->scroller, "edge-reached", G_CALLBACK (edge_reached_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * herald_activity_page_set_store:
 * @self: the page
 * @store: (nullable): the store
 *
 * Sets the store to read from and follow.
 */
void
herald_activity_page_set_store (HeraldActivityPage *self,
                                HeraldStore        *store)
{
  g_return_if_fail (HERALD_IS_ACTIVITY_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    {
      g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "table-reset", G_CALLBACK (table_reset_cb),
                               self, G_CONNECT_SWAPPED);
    }
  reload (self);
}

/**
 * herald_activity_page_set_campaign_id:
 * @self: the page
 * @campaign_id: (nullable): the campaign whose events to show
 *
 * Shows another campaign's events.
 */
void
herald_activity_page_set_campaign_id (HeraldActivityPage *self,
                                      const char         *campaign_id)
{
  g_return_if_fail (HERALD_IS_ACTIVITY_PAGE (self));

  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;
  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  reload (self);
}

/**
 * herald_activity_page_get_model:
 * @self: the page
 *
 * Returns: (transfer none): the events loaded so far, newest first.
 */
GListModel *
herald_activity_page_get_model (HeraldActivityPage *self)
{
  g_return_val_if_fail (HERALD_IS_ACTIVITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->events);
}

/**
 * herald_activity_page_get_type_filter:
 * @self: the page
 *
 * Returns: (transfer none): the event type filter (0 = all).
 */
GtkDropDown *
herald_activity_page_get_type_filter (HeraldActivityPage *self)
{
  g_return_val_if_fail (HERALD_IS_ACTIVITY_PAGE (self), NULL);

  return self->type_dropdown;
}

/**
 * herald_activity_page_get_range:
 * @self: the page
 *
 * Returns: (transfer none): the period filter (all time at first).
 */
HeraldDateRange *
herald_activity_page_get_range (HeraldActivityPage *self)
{
  g_return_val_if_fail (HERALD_IS_ACTIVITY_PAGE (self), NULL);

  return self->date_range;
}
