/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaigns-view.c: the Campaigns view of the main window: the list
 * of campaigns (a GtkColumnView over the store's paging model, filtered,
 * searched and sorted in SQL) and the detail page of one campaign.
 *
 * Sorting: every column carries a GtkCustomSorter that never sorts
 * anything (the model is not a GtkSortListModel); when the column view's
 * sorter changes, it is asked to compare two probe objects, and the first
 * column sorter it calls is the primary sort column; the answer tells the
 * direction.  That is translated into the HeraldCampaignQuery, so the
 * sorting happens in SQL over any number of campaigns.
 *
 * A new query gets a new HeraldCampaignList (one COUNT), wrapped in a
 * HeraldRowModel that the column view keeps: the rows on screen keep their
 * widgets and only their cells' texts change (see herald-row-model.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-a11y.h"
#include "herald-campaign-detail.h"
#include "herald-campaign-ops.h"
#include "herald-campaigns-view.h"
#include "herald-row-model.h"
#include "herald-status-badge.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_STATUS,
  COLUMN_SCHEDULE,
  COLUMN_AUDIENCE,
  COLUMN_SENT,
  COLUMN_OPEN_RATE,
  COLUMN_CLICK_RATE,
  COLUMN_BUDGET,
  N_COLUMNS
} Column;

typedef struct
{
  HeraldCampaignsView *view;
  Column               column;
} SortProbe;

struct _HeraldCampaignsView
{
  AdwBin              parent_instance;

  HeraldStore        *store;
  HeraldCampaignList *list;
  HeraldRowModel     *rows;
  GtkSingleSelection *selection;
  GSettings          *settings;

  SortProbe           probes[N_COLUMNS];
  int                 probe_hit;
  HeraldCampaignSort  sort;
  gboolean            descending;

  AdwStatusPage      *empty_page;
  GtkStack           *content;
  GtkStack           *list_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *type_dropdown;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  HeraldCampaignDetail *detail;

  gboolean            rebuilding;
  GdkFrameClock      *painted_clock;
  gulong              painted_id;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignsView, herald_campaigns_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char         *title;
  HeraldCampaignSort  sort;
  gboolean            numeric;
  gboolean            expand;
} columns[N_COLUMNS] = {
  { N_("Name"), HERALD_CAMPAIGN_SORT_NAME, FALSE, TRUE },
  { N_("Type"), HERALD_CAMPAIGN_SORT_TYPE, FALSE, FALSE },
  { N_("Status"), HERALD_CAMPAIGN_SORT_STATUS, FALSE, FALSE },
  { N_("Schedule"), HERALD_CAMPAIGN_SORT_SCHEDULED_AT, FALSE, FALSE },
  { N_("Audience"), HERALD_CAMPAIGN_SORT_TARGET_COUNT, TRUE, FALSE },
  { N_("Sent"), HERALD_CAMPAIGN_SORT_SENT_COUNT, TRUE, FALSE },
  { N_("Open Rate"), HERALD_CAMPAIGN_SORT_OPEN_RATE, TRUE, FALSE },
  { N_("Click Rate"), HERALD_CAMPAIGN_SORT_CLICK_RATE, TRUE, FALSE },
  { N_("Spent / Budget"), HERALD_CAMPAIGN_SORT_BUDGET, TRUE, FALSE },
};

static HeraldCampaignQuery *
build_query (HeraldCampaignsView *self,
             gboolean             with_filters)
{
  HeraldCampaignQuery *query = herald_campaign_query_new ();

  herald_campaign_query_set_sort (query, self->sort, self->descending);
  if (with_filters)
    {
      guint status = gtk_drop_down_get_selected (self->status_dropdown);
      guint type = gtk_drop_down_get_selected (self->type_dropdown);

      herald_campaign_query_set_status (query, status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1);
      herald_campaign_query_set_campaign_type (query, type == 0 || type == GTK_INVALID_LIST_POSITION ? -1 : (int) type - 1);
      herald_campaign_query_set_search (query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }
  return query;
}

static gboolean
has_filters (HeraldCampaignsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && *text != '\0')
         || gtk_drop_down_get_selected (self->status_dropdown) > 0
         || gtk_drop_down_get_selected (self->type_dropdown) > 0;
}

static void
update_state (HeraldCampaignsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *count = herald_format_count (n);
  g_autofree char *text = NULL;
  gboolean empty_store = TRUE;

  if (self->store != NULL)
    {
      if (n > 0)
        empty_store = FALSE;
      else if (has_filters (self))
        {
          g_autoptr(HeraldCampaignQuery) all = build_query (self, FALSE);
          empty_store = herald_store_count_campaigns (self->store, all, NULL) <= 0;
        }
    }

  /* Translators: %s is a formatted number of campaigns */
  text = g_strdup_printf (ngettext ("%s campaign", "%s campaigns", n), count);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-results");

  if (empty_store)
    {
      if (adw_bin_get_child (ADW_BIN (self)) != GTK_WIDGET (self->empty_page))
        adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->empty_page));
    }
  else if (adw_bin_get_child (ADW_BIN (self)) != GTK_WIDGET (self->content))
    adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->content));
}

static void rebuild_list (HeraldCampaignsView *self);

/* A new query gets a new model (one COUNT); the row model shows it in
 * the rows the column view already has. */
static void
apply_query (HeraldCampaignsView *self)
{
  g_autoptr(HeraldCampaignQuery) query = NULL;

  if (self->list == NULL)
    return;
  query = build_query (self, TRUE);
  if (!herald_campaign_query_equal (query, herald_campaign_list_get_query (self->list)))
    rebuild_list (self);
  else
    update_state (self);
}

static void
items_changed_cb (HeraldCampaignsView *self)
{
  update_state (self);
}

/* The frame with the rows on screen is painted: now the others. */
static void
stop_waiting_for_paint (HeraldCampaignsView *self)
{
  if (self->painted_clock != NULL)
    g_clear_signal_handler (&self->painted_id, self->painted_clock);
  g_clear_object (&self->painted_clock);
}

static void
after_paint_cb (GdkFrameClock       *clock,
                HeraldCampaignsView *self)
{
  stop_waiting_for_paint (self);
  herald_row_model_refresh_later (self->rows);
}

/* The rows off screen wait for the frame with the ones on screen (an
 * idle may well run before it: the frame clock waits for its time). */
static void
refresh_after_frame (HeraldCampaignsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));

  if (clock == NULL)
    {
      herald_row_model_refresh_later (self->rows);
      return;
    }
  if (self->painted_clock == NULL)
    {
      self->painted_clock = g_object_ref (clock);
      self->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->column_view));
}

/* How many rows fit on screen, a few more to be safe: the rows a new
 * query updates at once; the others (GTK keeps ~200) follow after the
 * frame.  The list's height over its rows is GTK's average row height. */
static guint
rows_on_screen (HeraldCampaignsView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  double page = gtk_adjustment_get_page_size (adjustment);
  double row_height = 24;

  if (n > 0 && gtk_adjustment_get_upper (adjustment) > 0)
    row_height = MAX (gtk_adjustment_get_upper (adjustment) / n, 16);
  if (page <= 0)
    return 200;
  return CLAMP ((guint) (page / row_height) + 4, 8, 200);
}

/* A new model over the store (one COUNT over an index; rows are read as
 * they are shown), shown from its first row. */
static void
rebuild_list (HeraldCampaignsView *self)
{
  g_clear_object (&self->list);
  if (self->store != NULL)
    {
      g_autoptr(HeraldCampaignQuery) query = build_query (self, TRUE);

      self->list = herald_campaign_list_new (self->store, query);
    }
  herald_row_model_set_eager (self->rows, rows_on_screen (self));
  self->rebuilding = TRUE;
  herald_row_model_set_model (self->rows, G_LIST_MODEL (self->list));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
  self->rebuilding = FALSE;
  refresh_after_frame (self);
  update_state (self);
}

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortProbe *probe = user_data;

  if (probe->view->probe_hit < 0)
    probe->view->probe_hit = probe->column;
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (HeraldCampaignsView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->probe_hit = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->probe_hit < 0 || order == GTK_ORDERING_EQUAL)
    {
      self->sort = HERALD_CAMPAIGN_SORT_UPDATED_AT;
      self->descending = TRUE;
    }
  else
    {
      self->sort = columns[self->probe_hit].sort;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  apply_query (self);
}

/* Cells --------------------------------------------------------------- */

static GtkWidget *
make_label (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static gboolean
name_query_tooltip_cb (GtkWidget   *label,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       GtkListItem *item)
{
  HeraldRow *row = gtk_list_item_get_item (item);
  HeraldCampaign *campaign = row != NULL ? herald_row_get_item (row) : NULL;
  const char *description = campaign != NULL ? herald_campaign_get_description (campaign) : NULL;

  if (description == NULL || *description == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  g_object_set_data (G_OBJECT (item), "herald-column", user_data);

  switch (column)
    {
    case COLUMN_TYPE:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), gtk_image_new ());
      gtk_box_append (GTK_BOX (child), make_label (FALSE));
      break;
    case COLUMN_STATUS:
      child = herald_status_badge_new ();
      break;
    case COLUMN_NAME:
      child = make_label (FALSE);
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect_object (child, "query-tooltip", G_CALLBACK (name_query_tooltip_cb), item, 0);
      break;
    default:
      child = make_label (columns[column].numeric);
      break;
    }
  gtk_list_item_set_child (item, child);
}

static char *
format_schedule (HeraldCampaign *campaign)
{
  GDateTime *when = herald_campaign_get_started_at (campaign);

  if (when == NULL)
    when = herald_campaign_get_scheduled_at (campaign);
  if (when == NULL)
    return g_strdup (HERALD_NO_VALUE);
  return herald_format_datetime (when);
}

/* Shows the campaign of the cell's row; called on bind and whenever the
 * row gets another campaign. */
static void
update_cell (GtkListItem *item)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "herald-column"));
  HeraldRow *row = gtk_list_item_get_item (item);
  HeraldCampaign *campaign = row != NULL ? herald_row_get_item (row) : NULL;
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (campaign == NULL)
    return;

  switch (column)
    {
    case COLUMN_NAME:
      gtk_label_set_label (GTK_LABEL (child), herald_campaign_get_name (campaign));
      /* the description: read with the name, shown as its tooltip
       * (name_query_tooltip_cb; setting a tooltip on each bind cost
       * more than all the other cells together) */
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      herald_campaign_get_description (campaign) ? herald_campaign_get_description (campaign) : "",
                                      -1);
      return;
    case COLUMN_TYPE:
      {
        HeraldCampaignType type = herald_campaign_get_campaign_type (campaign);

        gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (child)),
                                      herald_campaign_type_get_icon_name (type));
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (child)),
                             herald_campaign_type_get_display_name (type));
      }
      return;
    case COLUMN_STATUS:
      herald_status_badge_set_status (HERALD_STATUS_BADGE (child), herald_campaign_get_status (campaign));
      return;
    case COLUMN_SCHEDULE:
      text = format_schedule (campaign);
      break;
    case COLUMN_AUDIENCE:
      text = herald_format_count (herald_campaign_get_target_count (campaign));
      break;
    case COLUMN_SENT:
      text = herald_format_count (herald_campaign_get_sent_count (campaign));
      break;
    case COLUMN_OPEN_RATE:
      /* An SMS has no way to report that it was read: no open rate, not 0 %. */
      if (herald_campaign_get_campaign_type (campaign) == HERALD_CAMPAIGN_TYPE_SMS)
        text = g_strdup (HERALD_NO_VALUE);
      else
        text = herald_format_rate (herald_campaign_get_open_count (campaign),
                                   herald_campaign_get_delivered_count (campaign), 1);
      break;
    case COLUMN_CLICK_RATE:
      text = herald_format_rate (herald_campaign_get_click_count (campaign),
                                 herald_campaign_get_delivered_count (campaign), 1);
      break;
    case COLUMN_BUDGET:
      {
        const char *currency = herald_campaign_get_currency (campaign);
        g_autofree char *spent = herald_format_money (herald_campaign_get_spent (campaign), currency);
        g_autofree char *budget = herald_format_money (herald_campaign_get_budget (campaign), currency);

        /* Translators: money spent of a budget, "1.200,00 € / 5.000,00 €" */
        text = g_strdup_printf (C_("spent of budget", "%s / %s"), spent, budget);
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (child), text);
}

static void
row_item_changed_cb (HeraldRow   *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  update_cell (item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  HeraldRow *row = gtk_list_item_get_item (item);

  g_signal_connect_object (row, "notify::item", G_CALLBACK (row_item_changed_cb), item, 0);
  update_cell (item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  HeraldRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_item_changed_cb, item);
}

static void
setup_columns (HeraldCampaignsView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter;

      self->probes[i].view = self;
      self->probes[i].column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, &self->probes[i], NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Dates and type names are never cut short, in any language; the
       * name takes what is left. */
      if (i == COLUMN_NAME)
        gtk_column_view_column_set_fixed_width (column, 190);
      else if (i == COLUMN_SCHEDULE)
        gtk_column_view_column_set_fixed_width (column, 150);
      else if (i == COLUMN_TYPE)
        gtk_column_view_column_set_fixed_width (column, 122);
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static GListModel *
make_filter_model (gboolean status)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (status)
    {
      gtk_string_list_append (list, _("All Statuses"));
      for (int i = HERALD_CAMPAIGN_STATUS_DRAFT; i <= HERALD_CAMPAIGN_STATUS_CANCELLED; i++)
        gtk_string_list_append (list, herald_campaign_status_get_display_name (i));
    }
  else
    {
      gtk_string_list_append (list, _("All Types"));
      for (int i = HERALD_CAMPAIGN_TYPE_EMAIL; i <= HERALD_CAMPAIGN_TYPE_SOCIAL; i++)
        gtk_string_list_append (list, herald_campaign_type_get_display_name (i));
    }
  return G_LIST_MODEL (list);
}

/* Callbacks ----------------------------------------------------------- */

static void
search_changed_cb (HeraldCampaignsView *self)
{
  apply_query (self);
}

static void
filter_changed_cb (HeraldCampaignsView *self)
{
  apply_query (self);
}

static void detail_back_cb (HeraldCampaignsView *self);
static gboolean compact_density (HeraldCampaignsView *self);

/* The detail page (five tabs, charts among them) is built when the first
 * campaign is opened: at launch it cost 70 ms of the first frame. */
static HeraldCampaignDetail *
ensure_detail (HeraldCampaignsView *self)
{
  if (self->detail == NULL)
    {
      self->detail = g_object_new (HERALD_TYPE_CAMPAIGN_DETAIL, NULL);
      g_signal_connect_object (self->detail, "back", G_CALLBACK (detail_back_cb), self, G_CONNECT_SWAPPED);
      herald_campaign_detail_set_compact (self->detail, compact_density (self));
      herald_campaign_detail_set_store (self->detail, self->store);
      gtk_stack_add_named (self->content, GTK_WIDGET (self->detail), "detail");
    }
  return self->detail;
}

static void
open_campaign (HeraldCampaignsView *self,
               HeraldCampaign      *campaign)
{
  ensure_detail (self);
  /* Whatever had focus (the list, or a field of the last campaign) must
   * not scroll the new page. */
  gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  herald_campaign_detail_set_campaign (self->detail, campaign);
  gtk_stack_set_visible_child_name (self->content, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

static void
row_activated_cb (HeraldCampaignsView *self,
                  guint                position)
{
  g_autoptr(HeraldRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL && herald_row_get_item (row) != NULL)
    open_campaign (self, herald_row_get_item (row));
}

static void
detail_back_cb (HeraldCampaignsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "campaigns.back", NULL);
}

/* Scrolling shows rows that may still wait for their new campaign. */
static void
scrolled_cb (HeraldCampaignsView *self)
{
  if (!self->rebuilding)
    herald_row_model_flush (self->rows);
}

static gboolean
compact_density (HeraldCampaignsView *self)
{
  g_autofree char *density = g_settings_get_string (self->settings, "list-density");

  return g_strcmp0 (density, "compact") == 0;
}

static void
density_changed_cb (HeraldCampaignsView *self)
{
  gboolean compact = compact_density (self);

  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->column_view), "compact");
  if (self->detail != NULL)
    herald_campaign_detail_set_compact (self->detail, compact);
}

/* Actions ------------------------------------------------------------- */

static void
back_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content), "detail") != 0)
    return;
  gtk_stack_set_visible_child_name (self->content, "list");
  if (self->detail != NULL)
    herald_campaign_detail_set_campaign (self->detail, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (widget);

  if (adw_bin_get_child (ADW_BIN (self)) != GTK_WIDGET (self->content))
    return;
  gtk_stack_set_visible_child_name (self->content, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+F wherever the focus is in the window (the header bar, say), while
 * the view is shown; otherwise the key is left to others. */
static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (user_data);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "campaigns.search", NULL);
}

/* Escape in the search: the search is cleared and the list has the focus. */
static void
stop_search_cb (HeraldCampaignsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_query (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
clear_filters_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  apply_query (self);
}

static void
delete_selected_activated_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (widget);
  HeraldRow *row;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content), "list") != 0)
    return;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row != NULL && herald_row_get_item (row) != NULL)
    herald_campaign_ops_delete (widget, self->store, herald_row_get_item (row));
}

/* GObject ------------------------------------------------------------- */

static void
herald_campaigns_view_dispose (GObject *object)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (object);

  stop_waiting_for_paint (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->content);
  /* A child of the content stack. */
  self->detail = NULL;
  g_clear_object (&self->empty_page);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (herald_campaigns_view_parent_class)->dispose (object);
}

static void
herald_campaigns_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaigns_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_campaigns_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaigns_view_class_init (HeraldCampaignsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_campaigns_view_dispose;
  object_class->get_property = herald_campaigns_view_get_property;
  object_class->set_property = herald_campaigns_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-campaigns-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, content);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "campaigns.back", NULL, back_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaigns.search", NULL, search_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaigns.clear-filters", NULL, clear_filters_activated_cb);
  gtk_widget_class_install_action (widget_class, "campaigns.delete-selected", NULL, delete_selected_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "campaigns.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "campaigns.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-campaign", NULL);
}

static void
herald_campaigns_view_init (HeraldCampaignsView *self)
{
  g_autoptr(GListModel) statuses = make_filter_model (TRUE);
  g_autoptr(GListModel) types = make_filter_model (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The view shows either the empty state or the content; it keeps both. */
  g_object_ref (self->empty_page);
  g_object_ref_sink (self->content);

  self->sort = HERALD_CAMPAIGN_SORT_UPDATED_AT;
  self->descending = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->type_dropdown, types);
  setup_columns (self);
  /* one model for the view's whole life (see the top of the file) */
  self->rows = herald_row_model_new ();
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  herald_campaign_ops_name_buttons (GTK_WIDGET (self->content));
  herald_campaign_ops_name_buttons (GTK_WIDGET (self->empty_page));
  herald_a11y_name_drop_down (self->status_dropdown, _("Status"));
  herald_a11y_name_drop_down (self->type_dropdown, _("Type"));
  /* Delete in the list deletes: before the search entry's key capture
   * (below), which would take the key for its text and swallow it. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                            gtk_named_action_new ("campaigns.delete-selected")));
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  }
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (search_shortcut_cb, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  self->settings = g_settings_new ("io.github.herald.Herald");
  g_signal_connect_object (self->settings, "changed::list-density",
                           G_CALLBACK (density_changed_cb), self, G_CONNECT_SWAPPED);
  density_changed_cb (self);
}

/**
 * herald_campaigns_view_get_store:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the store the view shows.
 */
HeraldStore *
herald_campaigns_view_get_store (HeraldCampaignsView *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self), NULL);

  return self->store;
}

/**
 * herald_campaigns_view_set_store:
 * @self: the view
 * @store: (nullable): the store to show
 *
 * Sets the store the view reads from and acts on.
 */
void
herald_campaigns_view_set_store (HeraldCampaignsView *self,
                                 HeraldStore         *store)
{
  g_return_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self));
  g_return_if_fail (store == NULL || HERALD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->detail != NULL)
    herald_campaign_detail_set_store (self->detail, store);
  rebuild_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * herald_campaigns_view_open_campaign:
 * @self: the view
 * @campaign_id: the id of a stored campaign
 *
 * Shows the detail page of a campaign.
 *
 * Returns: whether the campaign was found
 */
gboolean
herald_campaigns_view_open_campaign (HeraldCampaignsView *self,
                                     const char          *campaign_id)
{
  g_autoptr(HeraldCampaign) campaign = NULL;

  g_return_val_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  campaign = herald_store_get_campaign (self->store, campaign_id, NULL);
  if (campaign == NULL)
    return FALSE;
  open_campaign (self, campaign);
  return TRUE;
}

/**
 * herald_campaigns_view_get_column_view:
 * @self: the view
 *
 * Returns: (transfer none): the campaign list, for tests and benchmarks.
 */
GtkColumnView *
herald_campaigns_view_get_column_view (HeraldCampaignsView *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self), NULL);

  return self->column_view;
}

/**
 * herald_campaigns_view_get_detail:
 * @self: the view
 *
 * Returns: (transfer none): the detail page (built on the first call if
 *   no campaign was opened yet).
 */
HeraldCampaignDetail *
herald_campaigns_view_get_detail (HeraldCampaignsView *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self), NULL);

  return ensure_detail (self);
}
