/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-campaigns-list.c: the campaign list of the Campaigns view on the
 * demo data: filters, search, sorting in SQL, empty states, opening the
 * detail, deleting with undo. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald-application.h"
#include "herald-campaigns-view.h"
#include "herald-dialogs.h"
#include "herald-row-model.h"
#include "herald-test-gui.h"
#include "herald-window.h"

static HeraldApplication *app;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static HeraldCampaignsView *
open_view (HeraldWindow **window_out)
{
  GtkWindow *window;
  HeraldCampaignsView *view;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1200, 760);
  herald_test_wait_for_mapped (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "campaigns");
  view = HERALD_CAMPAIGNS_VIEW (find_widget (GTK_WIDGET (window), HERALD_TYPE_CAMPAIGNS_VIEW));
  g_assert_nonnull (view);
  herald_test_spin (100);
  if (window_out)
    *window_out = HERALD_WINDOW (window);
  return view;
}

static GListModel *
list_model (HeraldCampaignsView *view)
{
  return G_LIST_MODEL (gtk_column_view_get_model (herald_campaigns_view_get_column_view (view)));
}

/* The list's rows are HeraldRows; their item is the campaign. */
static HeraldCampaign *
campaign_at (HeraldCampaignsView *view,
             guint                position)
{
  g_autoptr(HeraldRow) row = g_list_model_get_item (list_model (view), position);

  if (row == NULL)
    return NULL;
  return g_object_ref (herald_row_get_item (row));
}

static HeraldCampaignList *
campaign_list (HeraldCampaignsView *view)
{
  HeraldRowModel *rows = HERALD_ROW_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (list_model (view))));

  return HERALD_CAMPAIGN_LIST (herald_row_model_get_model (rows));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
view_widget (HeraldCampaignsView *view,
             const char          *name)
{
  GtkWidget *found = find_named (GTK_WIDGET (view), name);

  g_assert_nonnull (found);
  return found;
}

static gint64
store_count (int         status,
             int         type,
             const char *search)
{
  g_autoptr(HeraldCampaignQuery) query = herald_campaign_query_new ();

  herald_campaign_query_set_status (query, status);
  herald_campaign_query_set_campaign_type (query, type);
  herald_campaign_query_set_search (query, search);
  return herald_store_count_campaigns (herald_application_get_store (app), query, NULL);
}

/* Tests share one window: the next test starts from the list without
 * filters. */
static void
close_windows (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  HeraldCampaignsView *view = HERALD_CAMPAIGNS_VIEW (find_widget (GTK_WIDGET (window), HERALD_TYPE_CAMPAIGNS_VIEW));

  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.clear-filters", NULL);
  gtk_column_view_sort_by_column (herald_campaigns_view_get_column_view (view), NULL, GTK_SORT_ASCENDING);
  herald_test_spin (50);
}

static void
test_list_filters (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = open_view (&window);
  GtkDropDown *status = GTK_DROP_DOWN (view_widget (view, "status_dropdown"));
  GtkDropDown *type = GTK_DROP_DOWN (view_widget (view, "type_dropdown"));
  GtkEditable *search = GTK_EDITABLE (view_widget (view, "search_entry"));
  GtkLabel *count = GTK_LABEL (view_widget (view, "count_label"));
  GtkStack *list_stack;
  g_autofree char *shot = NULL;
  g_autofree char *word = NULL;

  g_assert_true (adw_bin_get_child (ADW_BIN (view)) != NULL);
  g_assert_false (ADW_IS_STATUS_PAGE (adw_bin_get_child (ADW_BIN (view))));
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, 12);
  g_assert_cmpint (store_count (-1, -1, NULL), ==, 12);
  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%s campaign", "%s campaigns", 12), "12");
    g_assert_cmpstr (gtk_label_get_label (count), ==, expected);
  }
  shot = herald_test_screenshot (GTK_WIDGET (window), "campaigns-list");
  {
    AdwStyleManager *style = adw_style_manager_get_default ();
    g_autofree char *dark = NULL;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    herald_test_spin (100);
    dark = herald_test_screenshot (GTK_WIDGET (window), "campaigns-list-dark");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    herald_test_spin (50);
  }

  for (int s = HERALD_CAMPAIGN_STATUS_DRAFT; s <= HERALD_CAMPAIGN_STATUS_CANCELLED; s++)
    {
      gtk_drop_down_set_selected (status, s + 1);
      herald_test_spin (20);
      g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, store_count (s, -1, NULL));
      g_assert_cmpint (g_list_model_get_n_items (list_model (view)), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (list_model (view)); i++)
        {
          g_autoptr(HeraldCampaign) c = campaign_at (view, i);
          g_assert_cmpint (herald_campaign_get_status (c), ==, s);
        }
    }
  gtk_drop_down_set_selected (status, 0);
  for (int t = HERALD_CAMPAIGN_TYPE_EMAIL; t <= HERALD_CAMPAIGN_TYPE_SOCIAL; t++)
    {
      gtk_drop_down_set_selected (type, t + 1);
      herald_test_spin (20);
      g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, store_count (-1, t, NULL));
      g_assert_cmpint (g_list_model_get_n_items (list_model (view)), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (list_model (view)); i++)
        {
          g_autoptr(HeraldCampaign) c = campaign_at (view, i);
          g_assert_cmpint (herald_campaign_get_campaign_type (c), ==, t);
        }
    }
  gtk_drop_down_set_selected (type, HERALD_CAMPAIGN_TYPE_EMAIL + 1);
  gtk_drop_down_set_selected (status, HERALD_CAMPAIGN_STATUS_COMPLETED + 1);
  herald_test_spin (20);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==,
                   store_count (HERALD_CAMPAIGN_STATUS_COMPLETED, HERALD_CAMPAIGN_TYPE_EMAIL, NULL));
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.clear-filters", NULL);
  herald_test_spin (20);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, 12);

  /* Search as you type: the first word of some campaign's name. */
  {
    g_autoptr(HeraldCampaign) c = campaign_at (view, 3);
    g_auto(GStrv) words = g_strsplit (herald_campaign_get_name (c), " ", 2);
    word = g_strdup (words[0]);
  }
  gtk_editable_set_text (search, word);
  herald_test_spin (400);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, store_count (-1, -1, word));
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), >=, 1);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), <, 12);

  /* a word of a description that no name has */
  {
    g_autoptr(HeraldCampaignQuery) all = herald_campaign_query_new ();
    g_autoptr(GPtrArray) campaigns = herald_store_list_campaigns (herald_application_get_store (app), all, NULL, 100, NULL);
    g_autofree char *described = NULL;
    const char *id = NULL;
    gboolean found = FALSE;

    for (guint i = 0; i < campaigns->len && described == NULL; i++)
      {
        HeraldCampaign *c = g_ptr_array_index (campaigns, i);
        g_auto(GStrv) parts = g_strsplit_set (herald_campaign_get_description (c) ? herald_campaign_get_description (c) : "",
                                              " ,.;:!?()„“”\"–-", -1);

        for (guint w = 0; parts[w] != NULL && described == NULL; w++)
          {
            gboolean in_a_name = FALSE;
            g_autofree char *folded = g_utf8_casefold (parts[w], -1);

            if (g_utf8_strlen (parts[w], -1) < 6)
              continue;
            for (guint j = 0; j < campaigns->len && !in_a_name; j++)
              {
                g_autofree char *name = g_utf8_casefold (herald_campaign_get_name (g_ptr_array_index (campaigns, j)), -1);
                in_a_name = strstr (name, folded) != NULL;
              }
            if (!in_a_name)
              {
                described = g_strdup (parts[w]);
                id = herald_record_get_id (HERALD_RECORD (c));
              }
          }
      }
    g_assert_nonnull (described);
    g_test_message ("searching for the description word “%s”", described);
    gtk_editable_set_text (search, described);
    herald_test_spin (400);
    g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, store_count (-1, -1, described));
    g_assert_cmpint (g_list_model_get_n_items (list_model (view)), >=, 1);
    for (guint i = 0; i < g_list_model_get_n_items (list_model (view)); i++)
      {
        g_autoptr(HeraldCampaign) c = campaign_at (view, i);
        found = found || g_strcmp0 (herald_record_get_id (HERALD_RECORD (c)), id) == 0;
      }
    g_assert_true (found);
  }

  /* No results: its own empty state, with a way out. */
  gtk_editable_set_text (search, "zzqxwv");
  herald_test_spin (400);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, 0);
  list_stack = GTK_STACK (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (herald_campaigns_view_get_column_view (view)))));
  g_assert_true (GTK_IS_STACK (list_stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_false (ADW_IS_STATUS_PAGE (adw_bin_get_child (ADW_BIN (view))));
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaigns-no-results");
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.clear-filters", NULL);
  herald_test_spin (20);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  close_windows ();
}

/* What a column shows, as a number to compare (a time as seconds); FALSE
 * for "—", which sorts last both ways. */
static gboolean
sort_value (HeraldCampaign     *c,
            HeraldCampaignSort  sort,
            double             *value)
{
  gint64 delivered = herald_campaign_get_delivered_count (c);
  GDateTime *when;

  switch (sort)
    {
    case HERALD_CAMPAIGN_SORT_TYPE:
      *value = herald_campaign_get_campaign_type (c);
      return TRUE;
    case HERALD_CAMPAIGN_SORT_STATUS:
      *value = herald_campaign_get_status (c);
      return TRUE;
    case HERALD_CAMPAIGN_SORT_SCHEDULED_AT:
      when = herald_campaign_get_started_at (c);
      if (when == NULL)
        when = herald_campaign_get_scheduled_at (c);
      if (when == NULL)
        return FALSE;
      *value = g_date_time_to_unix (when);
      return TRUE;
    case HERALD_CAMPAIGN_SORT_TARGET_COUNT:
      *value = herald_campaign_get_target_count (c);
      return TRUE;
    case HERALD_CAMPAIGN_SORT_SENT_COUNT:
      *value = herald_campaign_get_sent_count (c);
      return TRUE;
    case HERALD_CAMPAIGN_SORT_OPEN_RATE:
      if (delivered <= 0 || herald_campaign_get_campaign_type (c) == HERALD_CAMPAIGN_TYPE_SMS)
        return FALSE;
      *value = (double) herald_campaign_get_open_count (c) / delivered;
      return TRUE;
    case HERALD_CAMPAIGN_SORT_CLICK_RATE:
      if (delivered <= 0)
        return FALSE;
      *value = (double) herald_campaign_get_click_count (c) / delivered;
      return TRUE;
    case HERALD_CAMPAIGN_SORT_BUDGET:
      *value = herald_campaign_get_budget (c);
      return TRUE;
    case HERALD_CAMPAIGN_SORT_NAME:
    default:
      g_assert_not_reached ();
    }
}

/* Every column sorts both ways, in SQL: the list shows the store's order
 * for the column's sort key, and that order really follows what the
 * column shows. */
static void
test_list_sorting (void)
{
  static const HeraldCampaignSort keys[] = {
    HERALD_CAMPAIGN_SORT_NAME, HERALD_CAMPAIGN_SORT_TYPE, HERALD_CAMPAIGN_SORT_STATUS,
    HERALD_CAMPAIGN_SORT_SCHEDULED_AT, HERALD_CAMPAIGN_SORT_TARGET_COUNT,
    HERALD_CAMPAIGN_SORT_SENT_COUNT, HERALD_CAMPAIGN_SORT_OPEN_RATE,
    HERALD_CAMPAIGN_SORT_CLICK_RATE, HERALD_CAMPAIGN_SORT_BUDGET,
  };
  static const char *titles[] = {
    N_("Name"), N_("Type"), N_("Status"), N_("Schedule"), N_("Audience"), N_("Sent"),
    N_("Open Rate"), N_("Click Rate"), N_("Spent / Budget"),
  };
  HeraldCampaignsView *view = open_view (NULL);
  GtkColumnView *column_view = herald_campaigns_view_get_column_view (view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  HeraldStore *store = herald_application_get_store (app);

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (keys));
  for (guint col = 0; col < G_N_ELEMENTS (keys); col++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, col);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, _(titles[col]));
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(HeraldCampaignQuery) query = herald_campaign_query_new ();
          g_autoptr(GPtrArray) expected = NULL;
          HeraldCampaignList *list;
          guint n;

          /* what a click on the header does */
          gtk_column_view_sort_by_column (column_view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          herald_test_spin (20);
          list = campaign_list (view);
          g_assert_cmpint (herald_campaign_query_get_sort (herald_campaign_list_get_query (list)), ==, keys[col]);
          g_assert_cmpint (herald_campaign_query_get_descending (herald_campaign_list_get_query (list)), ==, descending);

          herald_campaign_query_set_sort (query, keys[col], descending);
          expected = herald_store_list_campaigns (store, query, NULL, 100, NULL);
          n = g_list_model_get_n_items (list_model (view));
          g_assert_cmpuint (expected->len, ==, n);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(HeraldCampaign) c = campaign_at (view, i);
              g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (c)), ==,
                               herald_record_get_id (g_ptr_array_index (expected, i)));
            }

          for (guint i = 1; i < n; i++)
            {
              g_autoptr(HeraldCampaign) a = campaign_at (view, i - 1);
              g_autoptr(HeraldCampaign) b = campaign_at (view, i);
              double va = 0, vb = 0;
              gboolean has_a, has_b;

              if (keys[col] == HERALD_CAMPAIGN_SORT_NAME)
                {
                  g_autofree char *fa = g_utf8_casefold (herald_campaign_get_name (a), -1);
                  g_autofree char *fb = g_utf8_casefold (herald_campaign_get_name (b), -1);
                  int cmp = strcmp (fa, fb);

                  g_assert_true (descending ? cmp >= 0 : cmp <= 0);
                  continue;
                }
              has_a = sort_value (a, keys[col], &va);
              has_b = sort_value (b, keys[col], &vb);
              /* "—" last, both ways */
              g_assert_true (has_a || !has_b);
              if (has_a && has_b)
                g_assert_true (descending ? va >= vb : va <= vb);
            }
        }
    }

  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  herald_test_spin (20);
  g_assert_cmpint (herald_campaign_query_get_sort (herald_campaign_list_get_query (campaign_list (view))),
                   ==, HERALD_CAMPAIGN_SORT_UPDATED_AT);
  close_windows ();
}

static void
test_list_open_detail (void)
{
  HeraldCampaignsView *view = open_view (NULL);
  GtkColumnView *column_view = herald_campaigns_view_get_column_view (view);
  g_autoptr(HeraldCampaign) second = campaign_at (view, 1);
  GtkStack *content = GTK_STACK (adw_bin_get_child (ADW_BIN (view)));
  HeraldCampaignDetail *detail;

  /* The detail page is built when the first campaign is opened. */
  g_assert_null (gtk_stack_get_child_by_name (content, "detail"));
  g_signal_emit_by_name (column_view, "activate", 1);
  herald_test_spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "detail");
  detail = HERALD_CAMPAIGN_DETAIL (gtk_stack_get_child_by_name (content, "detail"));
  g_assert_true (detail == herald_campaigns_view_get_detail (view));
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (herald_campaign_detail_get_campaign (detail))), ==,
                   herald_record_get_id (HERALD_RECORD (second)));

  /* Escape / Alt+Left run campaigns.back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaigns.back", NULL));
  herald_test_spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");
  close_windows ();
}

static gboolean
no_dialog (gpointer user_data)
{
  return herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_list_delete_undo (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = open_view (&window);
  HeraldStore *store = herald_application_get_store (app);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (list_model (view));
  g_autoptr(HeraldCampaign) victim = NULL;
  g_autoptr(HeraldCampaign) restored = NULL;
  g_autoptr(GPtrArray) variants_before = NULL;
  g_autoptr(GPtrArray) variants_after = NULL;
  gint64 recipients_before, events_before, outbox_before;
  GtkWindow *dialog;
  AdwToast *toast;
  const char *id;
  guint n = g_list_model_get_n_items (list_model (view));

  /* the completed campaign with the most recipients (only drafts and
   * finished campaigns can be deleted), given A/B variants as the CRM
   * would have them */
  {
    gint64 most = -1;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(HeraldCampaign) c = campaign_at (view, i);
        gint64 count = herald_store_count_recipients (store, herald_record_get_id (HERALD_RECORD (c)), -1, NULL, NULL);

        if (herald_campaign_get_status (c) == HERALD_CAMPAIGN_STATUS_COMPLETED && count > most)
          {
            most = count;
            gtk_single_selection_set_selected (selection, i);
          }
      }
  }
  victim = HERALD_CAMPAIGN (herald_record_copy (herald_row_get_item (gtk_single_selection_get_selected_item (selection))));
  g_assert_cmpint (herald_campaign_get_status (victim), ==, HERALD_CAMPAIGN_STATUS_COMPLETED);
  id = herald_record_get_id (HERALD_RECORD (victim));
  for (const char *name = "A"; *name <= 'B'; name = *name == 'A' ? "B" : "C")
    {
      g_autoptr(HeraldVariant) v = herald_variant_new ();

      herald_variant_set_campaign_id (v, id);
      herald_variant_set_variant_name (v, name);
      herald_variant_set_subject (v, name[0] == 'A' ? "Sommer" : "Sommer – jetzt");
      herald_variant_set_sent_count (v, 400);
      herald_variant_set_is_winner (v, name[0] == 'B');
      g_assert_true (herald_store_save_full (store, HERALD_RECORD (v), HERALD_STORE_ORIGIN_REMOTE, NULL));
    }
  variants_before = herald_store_list_variants (store, id, NULL);
  g_assert_cmpint (variants_before->len, >, 0);
  recipients_before = herald_store_count_recipients (store, id, -1, NULL, NULL);
  g_assert_cmpint (recipients_before, >, 0);
  {
    g_autoptr(GPtrArray) e = herald_store_list_events (store, id, -1, NULL, NULL, NULL, 100000, NULL);
    events_before = e->len;
  }
  outbox_before = herald_store_count_outbox (store, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.delete-selected", NULL));
  herald_test_spin (100);
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (dialog), "campaigns-delete-dialog");
  }
  herald_dialogs_respond (dialog, TRUE);
  gtk_window_destroy (dialog);
  herald_test_spin (100);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, n - 1);
  g_assert_null (herald_store_get_campaign (store, id, NULL));
  g_assert_cmpint (herald_store_count_outbox (store, NULL), ==, outbox_before + 1);

  toast = g_object_get_data (G_OBJECT (window), "herald-campaign-toast");
  g_assert_nonnull (toast);
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_signal_emit_by_name (toast, "button-clicked");
  herald_test_spin (100);

  restored = herald_store_get_campaign (store, id, NULL);
  g_assert_nonnull (restored);
  g_assert_true (herald_record_equal (HERALD_RECORD (victim), HERALD_RECORD (restored)));
  g_assert_cmpint (herald_store_count_recipients (store, id, -1, NULL, NULL), ==, recipients_before);
  {
    g_autoptr(GPtrArray) e = herald_store_list_events (store, id, -1, NULL, NULL, NULL, 100000, NULL);
    g_assert_cmpint (e->len, ==, events_before);
  }
  variants_after = herald_store_list_variants (store, id, NULL);
  g_assert_cmpint (variants_after->len, ==, variants_before->len);
  for (guint i = 0; i < variants_after->len; i++)
    g_assert_true (herald_record_equal (g_ptr_array_index (variants_before, i), g_ptr_array_index (variants_after, i)));
  g_assert_cmpint (herald_store_count_outbox (store, NULL), ==, outbox_before);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, n);

  /* Cancelling the question deletes nothing. */
  g_assert_true (herald_test_wait_until (no_dialog, NULL, 2000));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldCampaign) c = campaign_at (view, i);

      if (g_strcmp0 (herald_record_get_id (HERALD_RECORD (c)), id) == 0)
        gtk_single_selection_set_selected (selection, i);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.delete-selected", NULL));
  herald_test_spin (50);
  dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  herald_dialogs_respond (dialog, FALSE);
  gtk_window_destroy (dialog);
  herald_test_spin (50);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, n);
  close_windows ();
}

/* The Delete key never deletes a campaign the CRM may be sending: no
 * question, a toast with the reason. */
static void
test_list_delete_refused (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = open_view (&window);
  HeraldStore *store = herald_application_get_store (app);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (list_model (view));
  guint n = g_list_model_get_n_items (list_model (view));
  gint64 outbox_before = herald_store_count_outbox (store, NULL);
  gboolean tried = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldCampaign) c = campaign_at (view, i);
      HeraldCampaignStatus status = herald_campaign_get_status (c);
      const char *expected = NULL;
      AdwToast *toast;

      if (status == HERALD_CAMPAIGN_STATUS_SCHEDULED)
        expected = _("Unschedule the campaign before deleting it");
      else if (status == HERALD_CAMPAIGN_STATUS_RUNNING || status == HERALD_CAMPAIGN_STATUS_PAUSED)
        expected = _("Cancel the campaign before deleting it: it is still sending");
      else
        continue;
      gtk_single_selection_set_selected (selection, i);
      g_object_set_data (G_OBJECT (window), "herald-campaign-toast", NULL);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.delete-selected", NULL));
      herald_test_spin (50);
      g_assert_null (herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      toast = g_object_get_data (G_OBJECT (window), "herald-campaign-toast");
      g_assert_nonnull (toast);
      g_assert_cmpstr (adw_toast_get_title (toast), ==, expected);
      g_assert_nonnull (herald_store_get_campaign (store, herald_record_get_id (HERALD_RECORD (c)), NULL));
      tried = TRUE;
    }
  g_assert_true (tried);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, n);
  g_assert_cmpint (herald_store_count_outbox (store, NULL), ==, outbox_before);
  close_windows ();
}

static void
test_list_follows_store (void)
{
  HeraldCampaignsView *view = open_view (NULL);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) last = NULL;
  g_autoptr(HeraldCampaign) top = NULL;
  guint n = g_list_model_get_n_items (list_model (view));

  /* a change made elsewhere (sync, another window) moves the row to the top */
  last = campaign_at (view, n - 1);
  herald_campaign_set_description (last, "Changed elsewhere");
  g_assert_true (herald_store_save (store, HERALD_RECORD (last), NULL));
  herald_test_spin (100);
  g_assert_cmpint (g_list_model_get_n_items (list_model (view)), ==, n);
  top = campaign_at (view, 0);
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (top)), ==, herald_record_get_id (HERALD_RECORD (last)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldCampaign) c = campaign_at (view, i);
      g_assert_nonnull (c);
    }
  close_windows ();
}

static void
test_list_density (void)
{
  HeraldCampaignsView *view = open_view (NULL);
  GtkWidget *column_view = GTK_WIDGET (herald_campaigns_view_get_column_view (view));
  GSettings *settings = herald_application_get_settings (app);

  g_assert_false (gtk_widget_has_css_class (column_view, "compact"));
  g_settings_set_string (settings, "list-density", "compact");
  herald_test_spin (20);
  g_assert_true (gtk_widget_has_css_class (column_view, "compact"));
  g_settings_set_string (settings, "list-density", "comfortable");
  herald_test_spin (20);
  g_assert_false (gtk_widget_has_css_class (column_view, "compact"));
  close_windows ();
}

/* The name label of each row the list view holds, in position order. */
static GPtrArray *
name_labels (HeraldCampaignsView *view)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (herald_campaigns_view_get_column_view (view)), GTK_TYPE_LIST_VIEW);
  GPtrArray *labels = g_ptr_array_new ();

  g_assert_nonnull (list_view);
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *label = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;

      if (GTK_IS_LABEL (label))
        g_ptr_array_add (labels, label);
    }
  return labels;
}

/* A new query keeps the rows' widgets (GTK 4.8 would build every row it
 * holds again, ~200 of them, ~100 ms a keystroke): the first row's label
 * shows the new first campaign at once, and once the rows off screen are
 * updated after the frame, every row the view holds shows its campaign.
 * Runs last: it adds 400 campaigns. */
static void
test_list_keeps_rows (void)
{
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  HeraldCampaignsView *view;
  GtkEditable *search;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(HeraldCampaign) first = NULL;
  GtkWidget *first_label;
  guint n;

  for (guint i = 0; i < 400; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autofree char *name = g_strdup_printf ("Massentest %03u", i);
      g_autoptr(GDateTime) when = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) updated = g_date_time_add_minutes (when, i);

      herald_campaign_set_name (c, name);
      herald_record_set_updated_at (HERALD_RECORD (c), updated);
      g_ptr_array_add (batch, c);
    }
  g_assert_true (herald_store_save_many (store, batch, HERALD_STORE_ORIGIN_REMOTE, NULL));
  view = open_view (NULL);
  search = GTK_EDITABLE (view_widget (view, "search_entry"));
  herald_test_spin (200);
  n = g_list_model_get_n_items (list_model (view));
  g_assert_cmpuint (n, ==, 412);
  /* from the top: the rows the view holds are then positions 0, 1, … */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (list_model (view)), 0);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (herald_campaigns_view_get_column_view (view))), 0);
  herald_test_spin (200);

  before = name_labels (view);
  g_assert_cmpuint (before->len, >, 100);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(HeraldCampaign) c = campaign_at (view, i);
      g_assert_cmpstr (gtk_label_get_label (before->pdata[i]), ==, herald_campaign_get_name (c));
    }
  first_label = before->pdata[0];
  g_object_add_weak_pointer (G_OBJECT (first_label), (gpointer *) &first_label);

  /* the search handler, as the entry runs it after its typing delay */
  gtk_editable_set_text (search, "Massentest");
  g_signal_emit_by_name (search, "search-changed");
  first = campaign_at (view, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (view)), ==, 400);
  g_assert_true (g_str_has_prefix (herald_campaign_get_name (first), "Massentest"));
  /* the same label, already showing the new first row */
  g_assert_nonnull (first_label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (first_label)), ==, herald_campaign_get_name (first));

  herald_test_spin (300);
  g_assert_nonnull (first_label);
  g_object_remove_weak_pointer (G_OBJECT (first_label), (gpointer *) &first_label);
  after = name_labels (view);
  g_assert_cmpuint (after->len, >, 100);
  /* the rows are the ones from before */
  for (guint i = 0; i < MIN (before->len, after->len); i++)
    g_assert_true (after->pdata[i] == before->pdata[i]);
  for (guint i = 0; i < after->len; i++)
    {
      g_autoptr(HeraldCampaign) c = campaign_at (view, i);
      g_assert_cmpstr (gtk_label_get_label (after->pdata[i]), ==, herald_campaign_get_name (c));
    }
  close_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);
  app = herald_test_app_new (TRUE);

  g_test_add_func ("/herald/campaigns-list/filters", test_list_filters);
  g_test_add_func ("/herald/campaigns-list/sorting", test_list_sorting);
  g_test_add_func ("/herald/campaigns-list/open-detail", test_list_open_detail);
  g_test_add_func ("/herald/campaigns-list/delete-undo", test_list_delete_undo);
  g_test_add_func ("/herald/campaigns-list/delete-refused", test_list_delete_refused);
  g_test_add_func ("/herald/campaigns-list/follows-store", test_list_follows_store);
  g_test_add_func ("/herald/campaigns-list/density", test_list_density);
  g_test_add_func ("/herald/campaigns-list/keeps-rows", test_list_keeps_rows);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
