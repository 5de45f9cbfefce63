/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-recipients-page.c: the recipients of one campaign: a lazy
 * GtkColumnView over the store's paging HeraldRecipientList (a million
 * rows scroll without reading them all), a status filter, an address
 * search (debounced: it scans), the selected recipient's timeline and a
 * CSV export of the filtered set.
 *
 * The list opens (its count is read from the store's recipient_counts;
 * GTK building the ~200 rows its list view holds takes ~200 ms) right
 * after the frame that shows the page, so that switching to the tab
 * answers at once; the count label says it is counting meanwhile.
 *
 * The export runs in a GTask worker thread on a store connection of its
 * own (the page's store belongs to the UI thread) and streams page by
 * page through libcsv, so neither memory nor the UI grows with the set. */

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "herald-a11y.h"
#include "herald-campaign-ops.h"
#include "herald-file-chooser.h"
#include "herald-recipients-page.h"

#define SEARCH_DELAY_MS 150
#define EXPORT_PAGE_SIZE 2000

typedef enum {
  COLUMN_ADDRESS,
  COLUMN_STATUS,
  COLUMN_SENT,
  COLUMN_OPENED,
  COLUMN_CLICKED,
  N_COLUMNS
} Column;

struct _HeraldRecipientsPage
{
  AdwBin               parent_instance;

  HeraldStore         *store;
  char                *campaign_id;
  HeraldRecipientList *list;
  GtkSingleSelection  *selection;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  GtkLabel            *timeline_title;
  GtkListBox          *timeline;

  guint                open_id;
  GdkFrameClock       *painted_clock;
  gulong               painted_id;
};

G_DEFINE_FINAL_TYPE (HeraldRecipientsPage, herald_recipients_page, ADW_TYPE_BIN)

static const char *column_titles[N_COLUMNS] = {
  N_("Address"), N_("Status"), N_("Sent"), N_("Opened"), N_("Clicked"),
};

static int
selected_status (HeraldRecipientsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static void
update_count (HeraldRecipientsPage *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *count = herald_format_count (n);
  g_autofree char *text = NULL;

  /* Translators: %s is a formatted number of recipients */
  text = g_strdup_printf (ngettext ("%s recipient", "%s recipients", n), count);
  gtk_label_set_label (self->count_label, text);
}

static void
add_timeline_row (HeraldRecipientsPage *self,
                  const char           *title,
                  const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->timeline, row);
}

static void
add_timeline_time (HeraldRecipientsPage *self,
                   const char           *title,
                   GDateTime            *time)
{
  g_autofree char *text = time ? herald_format_datetime (time) : g_strdup (HERALD_NO_VALUE);

  add_timeline_row (self, title, text);
}

static void
update_timeline (HeraldRecipientsPage *self)
{
  HeraldRecipient *r = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline))) != NULL)
    gtk_list_box_remove (self->timeline, child);

  gtk_widget_set_visible (GTK_WIDGET (self->timeline), r != NULL);
  if (r == NULL)
    {
      gtk_label_set_label (self->timeline_title, _("Select a recipient to see the timeline."));
      return;
    }

  gtk_label_set_label (self->timeline_title, herald_recipient_get_address (r));
  add_timeline_row (self, _("Status"),
                    herald_recipient_status_get_display_name (herald_recipient_get_status (r)));
  add_timeline_time (self, _("Sent"), herald_recipient_get_sent_at (r));
  add_timeline_time (self, _("Delivered"), herald_recipient_get_delivered_at (r));
  add_timeline_time (self, _("First Opened"), herald_recipient_get_opened_at (r));
  add_timeline_time (self, _("First Clicked"), herald_recipient_get_clicked_at (r));
  add_timeline_time (self, _("Converted"), herald_recipient_get_converted_at (r));
  {
    g_autofree char *opens = herald_format_count (herald_recipient_get_open_count (r));
    g_autofree char *clicks = herald_format_count (herald_recipient_get_click_count (r));

    add_timeline_row (self, _("Opens"), opens);
    add_timeline_row (self, _("Clicks"), clicks);
  }
  if (herald_recipient_get_variant (r) != NULL)
    add_timeline_row (self, _("Variant"), herald_recipient_get_variant (r));
}

static void
rebuild_model (HeraldRecipientsPage *self)
{
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  /* Opening costs a COUNT: only when the page is actually shown. */
  if (self->store != NULL && self->campaign_id != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->list = herald_recipient_list_new (self->store, self->campaign_id);
      herald_recipient_list_set_status (self->list, selected_status (self));
      herald_recipient_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_count),
                               self, G_CONNECT_SWAPPED);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_timeline),
                               self, G_CONNECT_SWAPPED);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
  update_count (self);
  update_timeline (self);
}

static void
filter_changed_cb (HeraldRecipientsPage *self)
{
  if (self->list == NULL)
    return;
  herald_recipient_list_set_status (self->list, selected_status (self));
  herald_recipient_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_count (self);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  HeraldRecipient *r = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GDateTime *time = NULL;
  g_autofree char *text = NULL;

  if (r == NULL)
    return;
  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_ADDRESS:
      gtk_label_set_label (label, herald_recipient_get_address (r));
      return;
    case COLUMN_STATUS:
      gtk_label_set_label (label, herald_recipient_status_get_display_name (herald_recipient_get_status (r)));
      return;
    case COLUMN_SENT:
      time = herald_recipient_get_sent_at (r);
      break;
    case COLUMN_OPENED:
      time = herald_recipient_get_opened_at (r);
      break;
    case COLUMN_CLICKED:
      time = herald_recipient_get_clicked_at (r);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  text = time ? herald_format_datetime (time) : g_strdup (HERALD_NO_VALUE);
  gtk_label_set_label (label, text);
}

/* Export -------------------------------------------------------------- */

typedef struct
{
  char  *store_path;
  char  *campaign_id;
  int    status;
  char  *search;
  GFile *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->store_path);
  g_free (data->campaign_id);
  g_free (data->search);
  g_clear_object (&data->file);
  g_free (data);
}

static void
write_field (FILE       *out,
             const char *text,
             gboolean    last)
{
  csv_fwrite (out, text ? text : "", text ? strlen (text) : 0);
  fputc (last ? '\n' : ',', out);
}

static void
write_time (FILE      *out,
            GDateTime *time)
{
  g_autofree char *text = time ? herald_datetime_to_iso8601 (time) : NULL;

  write_field (out, text, FALSE);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldStore) store = herald_store_open (data->store_path, &error);
  g_autoptr(HeraldRecipient) after = NULL;
  g_autofree char *path = g_file_get_path (data->file);
  static const char *header[] = { "address", "status", "sent_at", "delivered_at", "opened_at",
                                  "clicked_at", "converted_at", "open_count", "click_count", "variant" };
  gint64 written = 0;
  FILE *out;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  out = g_fopen (path, "w");
  if (out == NULL)
    {
      int saved = errno;

      /* Translators: %s is a file name, the second a system message */
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not write “%s”: %s"), path, g_strerror (saved));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    write_field (out, header[i], i + 1 == G_N_ELEMENTS (header));

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        break;
      page = herald_store_list_recipients (store, data->campaign_id, data->status, data->search,
                                           after, EXPORT_PAGE_SIZE, &error);
      if (page == NULL || page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          HeraldRecipient *r = g_ptr_array_index (page, i);
          char opens[32], clicks[32];

          g_snprintf (opens, sizeof opens, "%" G_GINT64_FORMAT, herald_recipient_get_open_count (r));
          g_snprintf (clicks, sizeof clicks, "%" G_GINT64_FORMAT, herald_recipient_get_click_count (r));
          write_field (out, herald_recipient_get_address (r), FALSE);
          write_field (out, herald_enum_to_nick (HERALD_TYPE_RECIPIENT_STATUS, herald_recipient_get_status (r)), FALSE);
          write_time (out, herald_recipient_get_sent_at (r));
          write_time (out, herald_recipient_get_delivered_at (r));
          write_time (out, herald_recipient_get_opened_at (r));
          write_time (out, herald_recipient_get_clicked_at (r));
          write_time (out, herald_recipient_get_converted_at (r));
          write_field (out, opens, FALSE);
          write_field (out, clicks, FALSE);
          write_field (out, herald_recipient_get_variant (r), TRUE);
          written++;
        }
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
      if (page->len < EXPORT_PAGE_SIZE)
        break;
    }

  if (fclose (out) != 0 && error == NULL)
    g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Could not write “%s”: %s"), path, g_strerror (errno));
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, written);
}

/**
 * herald_recipients_page_export_async:
 * @self: the page
 * @file: where to write
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Writes the recipients the page shows (its status filter and search) to
 * @file as CSV, in a worker thread, page by page.
 */
void
herald_recipients_page_export_async (HeraldRecipientsPage *self,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (HERALD_IS_RECIPIENTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_recipients_page_export_async);
  if (self->store == NULL || self->campaign_id == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("There are no recipients to export."));
      return;
    }
  data = g_new0 (ExportData, 1);
  data->store_path = g_strdup (herald_store_get_path (self->store));
  data->campaign_id = g_strdup (self->campaign_id);
  data->status = selected_status (self);
  data->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * herald_recipients_page_export_finish:
 * @self: the page
 * @result: the result
 * @error: return location for an error
 *
 * Returns: the number of recipients written, or -1 with @error set
 */
gint64
herald_recipients_page_export_finish (HeraldRecipientsPage  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HeraldRecipientsPage *self = HERALD_RECIPIENTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  gint64 written = herald_recipients_page_export_finish (self, result, &error);
  g_autofree char *title = NULL;

  if (written < 0)
    /* Translators: %s is an error message */
    title = g_strdup_printf (_("Export failed: %s"), error->message);
  else
    {
      g_autofree char *count = herald_format_count (written);

      /* Translators: %s is a formatted number */
      title = g_strdup_printf (ngettext ("%s recipient exported", "%s recipients exported", written), count);
    }
  herald_campaign_ops_show_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
file_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  HeraldRecipientsPage *self = user_data;

  if (file != NULL)
    herald_recipients_page_export_async (self, file, NULL, export_done_cb, NULL);
  g_object_unref (self);
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeraldRecipientsPage *self = HERALD_RECIPIENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  herald_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            _("Export Recipients"),
                            /* Translators: a file name */
                            _("recipients.csv"),
                            file_chosen_cb, g_object_ref (self));
}

/* GObject ------------------------------------------------------------- */

static gboolean
open_list_cb (gpointer user_data)
{
  HeraldRecipientsPage *self = user_data;

  self->open_id = 0;
  if (self->list == NULL)
    rebuild_model (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (HeraldRecipientsPage *self)
{
  if (self->painted_clock != NULL)
    g_clear_signal_handler (&self->painted_id, self->painted_clock);
  g_clear_object (&self->painted_clock);
}

static void
after_paint_cb (GdkFrameClock        *clock,
                HeraldRecipientsPage *self)
{
  stop_waiting_for_paint (self);
  if (self->open_id == 0)
    self->open_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, open_list_cb, self, NULL);
}

static void
herald_recipients_page_map (GtkWidget *widget)
{
  HeraldRecipientsPage *self = HERALD_RECIPIENTS_PAGE (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (herald_recipients_page_parent_class)->map (widget);
  if (self->list != NULL || self->open_id != 0 || self->painted_clock != NULL
      || self->store == NULL || self->campaign_id == NULL)
    return;
  /* once the frame that shows the page is painted */
  gtk_label_set_label (self->count_label, _("Counting recipients…"));
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    {
      rebuild_model (self);
      return;
    }
  self->painted_clock = g_object_ref (clock);
  self->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
herald_recipients_page_unmap (GtkWidget *widget)
{
  HeraldRecipientsPage *self = HERALD_RECIPIENTS_PAGE (widget);

  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->open_id, g_source_remove);
  GTK_WIDGET_CLASS (herald_recipients_page_parent_class)->unmap (widget);
}

static void
herald_recipients_page_dispose (GObject *object)
{
  HeraldRecipientsPage *self = HERALD_RECIPIENTS_PAGE (object);

  g_clear_handle_id (&self->open_id, g_source_remove);
  stop_waiting_for_paint (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign_id, g_free);

  G_OBJECT_CLASS (herald_recipients_page_parent_class)->dispose (object);
}

static void
herald_recipients_page_class_init (HeraldRecipientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_recipients_page_dispose;
  widget_class->map = herald_recipients_page_map;
  widget_class->unmap = herald_recipients_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-recipients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldRecipientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldRecipientsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldRecipientsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldRecipientsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldRecipientsPage, timeline_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldRecipientsPage, timeline);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "recipients.export", NULL, export_activated_cb);
}

static void
herald_recipients_page_init (HeraldRecipientsPage *self)
{
  GtkStringList *statuses;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("All Statuses"));
  for (int i = HERALD_RECIPIENT_STATUS_PENDING; i <= HERALD_RECIPIENT_STATUS_FAILED; i++)
    gtk_string_list_append (statuses, herald_recipient_status_get_display_name (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  g_object_unref (statuses);
  herald_a11y_name_drop_down (self->status_dropdown, _("Delivery status"));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_titles[i]), factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_ADDRESS);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
  update_timeline (self);
}

/**
 * herald_recipients_page_set_store:
 * @self: the page
 * @store: (nullable): the store
 *
 * Sets the store to read from.
 */
void
herald_recipients_page_set_store (HeraldRecipientsPage *self,
                                  HeraldStore          *store)
{
  g_return_if_fail (HERALD_IS_RECIPIENTS_PAGE (self));

  if (g_set_object (&self->store, store))
    rebuild_model (self);
}

/**
 * herald_recipients_page_set_campaign_id:
 * @self: the page
 * @campaign_id: (nullable): the campaign whose recipients to show
 *
 * Shows another campaign's recipients, with the filters cleared.
 */
void
herald_recipients_page_set_campaign_id (HeraldRecipientsPage *self,
                                        const char           *campaign_id)
{
  g_return_if_fail (HERALD_IS_RECIPIENTS_PAGE (self));

  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;
  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_clear_object (&self->list);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  rebuild_model (self);
}

/**
 * herald_recipients_page_set_compact:
 * @self: the page
 * @compact: whether to use the compact list density
 *
 * Applies the list density preference.
 */
void
herald_recipients_page_set_compact (HeraldRecipientsPage *self,
                                    gboolean              compact)
{
  g_return_if_fail (HERALD_IS_RECIPIENTS_PAGE (self));

  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->column_view), "compact");
}

/**
 * herald_recipients_page_get_model:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the recipient list, once the page
 *   was shown.
 */
GListModel *
herald_recipients_page_get_model (HeraldRecipientsPage *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENTS_PAGE (self), NULL);

  return self->list ? G_LIST_MODEL (self->list) : NULL;
}

/**
 * herald_recipients_page_get_column_view:
 * @self: the page
 *
 * Returns: (transfer none): the list widget.
 */
GtkColumnView *
herald_recipients_page_get_column_view (HeraldRecipientsPage *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENTS_PAGE (self), NULL);

  return self->column_view;
}

/**
 * herald_recipients_page_get_search:
 * @self: the page
 *
 * Returns: (transfer none): the address search entry.
 */
GtkEditable *
herald_recipients_page_get_search (HeraldRecipientsPage *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENTS_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * herald_recipients_page_get_status:
 * @self: the page
 *
 * Returns: (transfer none): the status filter (0 = all, then by status).
 */
GtkDropDown *
herald_recipients_page_get_status (HeraldRecipientsPage *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENTS_PAGE (self), NULL);

  return self->status_dropdown;
}

/**
 * herald_recipients_page_get_timeline:
 * @self: the page
 *
 * Returns: (transfer none): the timeline of the selected recipient.
 */
GtkListBox *
herald_recipients_page_get_timeline (HeraldRecipientsPage *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENTS_PAGE (self), NULL);

  return self->timeline;
}
