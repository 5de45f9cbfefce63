/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-campaigns-detail.c: the detail page of a campaign on the demo
 * data: lifecycle actions enabled exactly as the transition table says
 * and doing what they say in the store and the outbox, editing with
 * messages next to the fields, the recipients and activity sections. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "herald-ab-results.h"
#include "herald-activity-page.h"
#include "herald-campaign-performance.h"
#include "herald-application.h"
#include "herald-campaigns-view.h"
#include "herald-dialogs.h"
#include "herald-recipients-page.h"
#include "herald-test-gui.h"
#include "herald-window.h"

static HeraldApplication *app;

static const struct {
  const char           *action;
  HeraldCampaignStatus  to;
  const char           *command;
} actions[] = {
  { "campaign.schedule", HERALD_CAMPAIGN_STATUS_SCHEDULED, "schedule" },
  { "campaign.unschedule", HERALD_CAMPAIGN_STATUS_DRAFT, "unschedule" },
  { "campaign.start", HERALD_CAMPAIGN_STATUS_RUNNING, "start" },
  { "campaign.pause", HERALD_CAMPAIGN_STATUS_PAUSED, "pause" },
  { "campaign.resume", HERALD_CAMPAIGN_STATUS_RUNNING, "resume" },
  { "campaign.cancel", HERALD_CAMPAIGN_STATUS_CANCELLED, "cancel" },
};

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

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static HeraldCampaignsView *
get_view (HeraldWindow **window_out)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1200, 800);
  herald_test_wait_for_mapped (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "campaigns");
  herald_test_spin (50);
  if (window_out)
    *window_out = HERALD_WINDOW (window);
  return HERALD_CAMPAIGNS_VIEW (find_widget (GTK_WIDGET (window), HERALD_TYPE_CAMPAIGNS_VIEW));
}

static HeraldCampaign *
find_campaign (HeraldCampaignStatus status,
               gboolean             with_variants)
{
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaignQuery) query = herald_campaign_query_new ();
  g_autoptr(GPtrArray) all = NULL;

  herald_campaign_query_set_status (query, status);
  all = herald_store_list_campaigns (store, query, NULL, 100, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      HeraldCampaign *c = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) v = herald_store_list_variants (store, herald_record_get_id (HERALD_RECORD (c)), NULL);

      if (!with_variants || v->len > 0)
        return g_object_ref (c);
    }
  return NULL;
}

static gboolean
outbox_has (const char *id,
            const char *op)
{
  g_autoptr(GPtrArray) entries = herald_store_list_outbox (herald_application_get_store (app), 100000, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      HeraldOutboxEntry *e = g_ptr_array_index (entries, i);
      if (g_strcmp0 (e->entity_id, id) == 0 && g_strcmp0 (e->op, op) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The campaign's outbox rows, one line each: "seq op patch attempts". */
static char *
outbox_rows (const char *id)
{
  g_autoptr(GPtrArray) entries = herald_store_list_outbox (herald_application_get_store (app), 100000, NULL);
  GString *rows = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      HeraldOutboxEntry *e = g_ptr_array_index (entries, i);
      if (g_strcmp0 (e->entity_id, id) == 0)
        g_string_append_printf (rows, "%" G_GINT64_FORMAT " %s %s %d\n", e->seq, e->op, e->patch, e->attempts);
    }
  return g_string_free (rows, FALSE);
}

static HeraldOutboxEntry *
last_outbox_entry (const char *id)
{
  g_autoptr(GPtrArray) entries = herald_store_list_outbox (herald_application_get_store (app), 100000, NULL);

  for (guint i = entries->len; i > 0; i--)
    {
      HeraldOutboxEntry *e = g_ptr_array_index (entries, i - 1);
      if (g_strcmp0 (e->entity_id, id) == 0)
        return g_steal_pointer (&entries->pdata[i - 1]);
    }
  return NULL;
}

static HeraldCampaign *
stored (const char *id)
{
  HeraldCampaign *c = herald_store_get_campaign (herald_application_get_store (app), id, NULL);

  g_assert_nonnull (c);
  return c;
}

static AdwToast *
last_toast (HeraldWindow *window)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (window), "herald-campaign-toast");

  g_assert_nonnull (toast);
  return toast;
}

/* Presses the toast's Undo and checks that the campaign and its outbox
 * rows are exactly as in @before and @rows_before. */
static void
undo_and_check (HeraldWindow   *window,
                HeraldCampaign *before,
                const char     *rows_before)
{
  const char *id = herald_record_get_id (HERALD_RECORD (before));
  AdwToast *toast = last_toast (window);
  g_autoptr(HeraldCampaign) after = NULL;
  g_autofree char *rows_after = NULL;

  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_signal_emit_by_name (toast, "button-clicked");
  herald_test_spin (50);
  after = stored (id);
  g_assert_true (herald_record_equal (HERALD_RECORD (after), HERALD_RECORD (before)));
  rows_after = outbox_rows (id);
  g_assert_cmpstr (rows_after, ==, rows_before);
}

static HeraldCampaignDetail *
open_detail (HeraldCampaignsView *view,
             HeraldCampaign      *campaign)
{
  g_assert_true (herald_campaigns_view_open_campaign (view, herald_record_get_id (HERALD_RECORD (campaign))));
  herald_test_spin (50);
  return herald_campaigns_view_get_detail (view);
}

static GtkWindow *
take_dialog (void)
{
  GtkWindow *dialog = NULL;

  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      herald_test_spin (20);
      dialog = herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
no_dialog (gpointer user_data)
{
  return herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
answer (GtkWindow *dialog,
        gboolean   confirm)
{
  herald_dialogs_respond (dialog, confirm);
  gtk_window_destroy (dialog);
  herald_test_spin (50);
}

static void
test_detail_actions_per_status (void)
{
  HeraldCampaignsView *view = get_view (NULL);

  for (int s = HERALD_CAMPAIGN_STATUS_DRAFT; s <= HERALD_CAMPAIGN_STATUS_CANCELLED; s++)
    {
      g_autoptr(HeraldCampaign) campaign = find_campaign (s, FALSE);
      HeraldCampaignDetail *detail;

      g_assert_nonnull (campaign);
      detail = open_detail (view, campaign);
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        {
          GtkWidget *button = find_button (GTK_WIDGET (detail), actions[i].action);
          gboolean expected = herald_campaign_status_can_transition (s, actions[i].to);

          if (g_str_equal (actions[i].action, "campaign.resume"))
            expected = s == HERALD_CAMPAIGN_STATUS_PAUSED;
          if (g_str_equal (actions[i].action, "campaign.start"))
            expected = expected && s != HERALD_CAMPAIGN_STATUS_PAUSED;
          g_assert_nonnull (button);
          g_assert_cmpint (gtk_widget_get_sensitive (button), ==, expected);
          /* a disabled action says why */
          if (!expected)
            g_assert_nonnull (gtk_widget_get_tooltip_text (button));
          else
            g_assert_null (gtk_widget_get_tooltip_text (button));
        }
      g_assert_cmpint (gtk_widget_get_visible (find_button (GTK_WIDGET (detail), "win.edit-campaign")),
                       ==, s == HERALD_CAMPAIGN_STATUS_DRAFT);

      /* Edit while any detail can change (the description even after the
       * end), saying so when only some can; Delete only for drafts and
       * finished campaigns; Duplicate always */
      {
        static const char *editable_fields[] = {
          "name", "description", "budget", "preheader", "from-name", "from-address", "reply-to",
        };
        GtkWidget *edit = find_button (GTK_WIDGET (detail), "campaign.edit");
        GtkWidget *delete = find_button (GTK_WIDGET (detail), "campaign.delete");
        GtkWidget *duplicate = find_button (GTK_WIDGET (detail), "campaign.duplicate");
        gboolean deletable = s == HERALD_CAMPAIGN_STATUS_DRAFT || s == HERALD_CAMPAIGN_STATUS_COMPLETED
                             || s == HERALD_CAMPAIGN_STATUS_CANCELLED;
        guint n_editable = 0;

        for (guint i = 0; i < G_N_ELEMENTS (editable_fields); i++)
          if (herald_campaign_status_allows_edit (s, editable_fields[i]))
            n_editable++;
        g_assert_cmpint (gtk_widget_get_sensitive (edit), ==, n_editable > 0);
        g_assert_cmpint (gtk_widget_get_sensitive (find_button (GTK_WIDGET (detail), "campaign.save")), ==,
                         n_editable > 0);
        if (n_editable < G_N_ELEMENTS (editable_fields))
          g_assert_nonnull (gtk_widget_get_tooltip_text (edit));
        else
          g_assert_null (gtk_widget_get_tooltip_text (edit));

        g_assert_cmpint (gtk_widget_get_sensitive (delete), ==, deletable);
        if (deletable)
          g_assert_cmpstr (gtk_widget_get_tooltip_text (delete), ==, _("Delete…"));
        else
          {
            /* says why, and the action refuses too */
            g_assert_cmpstr (gtk_widget_get_tooltip_text (delete), !=, _("Delete…"));
            g_assert_nonnull (gtk_widget_get_tooltip_text (delete));
            gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.delete", NULL);
            herald_test_spin (50);
            g_assert_null (herald_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
          }
        g_assert_true (gtk_widget_get_sensitive (duplicate));
      }
      gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
    }
}

static void
test_detail_send_test (void)
{
  HeraldCampaignsView *view = get_view (NULL);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) campaign = find_campaign (HERALD_CAMPAIGN_STATUS_DRAFT, FALSE);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  HeraldCampaignDetail *detail = open_detail (view, campaign);
  g_autoptr(GPtrArray) entries = NULL;
  GtkWindow *dialog;
  GtkWidget *entry;
  gboolean found = FALSE;

  g_assert_false (outbox_has (id, "test"));

  /* A bad address is refused and nothing is queued. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.send-test", NULL);
  dialog = take_dialog ();
  entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "not an address");
  answer (dialog, TRUE);
  dialog = take_dialog ();
  /* the error names what is wrong */
  g_assert_nonnull (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  herald_test_spin (50);
  g_assert_false (outbox_has (id, "test"));

  gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.send-test", NULL);
  dialog = take_dialog ();
  entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  qa@example.com ");
  answer (dialog, TRUE);
  herald_test_spin (50);

  entries = herald_store_list_outbox (store, 100000, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      HeraldOutboxEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->entity_id, id) == 0 && g_strcmp0 (e->op, "test") == 0)
        {
          g_assert_cmpstr (e->entity, ==, "campaign");
          g_assert_cmpstr (e->patch, ==, "{\"to\":[\"qa@example.com\"]}");
          found = TRUE;
        }
    }
  g_assert_true (found);
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
}

static void
test_detail_transitions (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = get_view (&window);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) paused = find_campaign (HERALD_CAMPAIGN_STATUS_PAUSED, FALSE);
  g_autoptr(HeraldCampaign) draft = find_campaign (HERALD_CAMPAIGN_STATUS_DRAFT, FALSE);
  g_autoptr(HeraldCampaign) scheduled = find_campaign (HERALD_CAMPAIGN_STATUS_SCHEDULED, FALSE);
  HeraldCampaignDetail *detail;
  const char *id;
  GtkWindow *dialog;
  AdwToast *toast;

  /* resume, then pause, then undo through the toast: the campaign and its
   * outbox are exactly as before the pause (no "pause" then "resume") */
  id = herald_record_get_id (HERALD_RECORD (paused));
  detail = open_detail (view, paused);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.resume", NULL));
  herald_test_spin (50);
  {
    g_autoptr(HeraldCampaign) now = herald_store_get_campaign (store, id, NULL);
    g_assert_cmpint (herald_campaign_get_status (now), ==, HERALD_CAMPAIGN_STATUS_RUNNING);
    g_assert_true (outbox_has (id, "resume"));
    /* the page follows the store */
    g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                     HERALD_CAMPAIGN_STATUS_RUNNING);
    g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (detail), "campaign.pause")));
    g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (detail), "campaign.resume")));
  }
  {
    g_autoptr(HeraldCampaign) before = stored (id);
    g_autofree char *rows = outbox_rows (id);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.pause", NULL));
    herald_test_spin (50);
    g_assert_true (outbox_has (id, "pause"));
    undo_and_check (window, before, rows);
    g_assert_false (outbox_has (id, "pause"));
    g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                     HERALD_CAMPAIGN_STATUS_RUNNING);
  }

  /* once sync has tried the command, undo queues the opposite one and says so */
  {
    g_autoptr(HeraldOutboxEntry) pause = NULL;
    g_autoptr(HeraldOutboxEntry) resume = NULL;
    g_autoptr(HeraldCampaign) now = NULL;
    g_autofree char *expected = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.pause", NULL));
    herald_test_spin (50);
    toast = last_toast (window);
    pause = last_outbox_entry (id);
    g_assert_cmpstr (pause->op, ==, "pause");
    g_assert_true (herald_store_mark_outbox_attempt (store, pause->seq, NULL, FALSE, NULL, NULL));
    g_signal_emit_by_name (toast, "button-clicked");
    herald_test_spin (50);
    now = stored (id);
    g_assert_cmpint (herald_campaign_get_status (now), ==, HERALD_CAMPAIGN_STATUS_RUNNING);
    resume = last_outbox_entry (id);
    g_assert_cmpstr (resume->op, ==, "resume");
    g_assert_cmpint (resume->seq, >, pause->seq);
    g_assert_true (outbox_has (id, "pause"));
    expected = g_strdup_printf (_("The change had already been sent: a new command makes the campaign “%s” again"),
                                herald_campaign_status_get_display_name (HERALD_CAMPAIGN_STATUS_RUNNING));
    g_assert_cmpstr (adw_toast_get_title (last_toast (window)), ==, expected);
  }

  /* unschedule and undo: scheduled again at the same time, outbox as before */
  id = herald_record_get_id (HERALD_RECORD (scheduled));
  detail = open_detail (view, scheduled);
  {
    g_autoptr(HeraldCampaign) before = stored (id);
    g_autofree char *rows = outbox_rows (id);

    g_assert_nonnull (herald_campaign_get_scheduled_at (before));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.unschedule", NULL));
    herald_test_spin (50);
    g_assert_true (outbox_has (id, "unschedule"));
    g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                     HERALD_CAMPAIGN_STATUS_DRAFT);
    undo_and_check (window, before, rows);
    g_assert_false (outbox_has (id, "unschedule"));
    g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                     HERALD_CAMPAIGN_STATUS_SCHEDULED);
  }

  /* unschedule, then schedule again through the dialog, and undo that */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.unschedule", NULL));
  herald_test_spin (50);
  g_assert_true (outbox_has (id, "unschedule"));
  {
    g_autoptr(HeraldCampaign) before = stored (id);
    g_autofree char *rows = outbox_rows (id);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.schedule", NULL));
    dialog = take_dialog ();
    gtk_editable_set_text (herald_dialogs_get_entry (dialog), "2099-03-01 10:30");
    answer (dialog, TRUE);
    {
      g_autoptr(HeraldCampaign) now = herald_store_get_campaign (store, id, NULL);
      g_autoptr(GDateTime) local = g_date_time_to_local (herald_campaign_get_scheduled_at (now));
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

      g_assert_cmpint (herald_campaign_get_status (now), ==, HERALD_CAMPAIGN_STATUS_SCHEDULED);
      g_assert_cmpstr (text, ==, "2099-03-01 10:30");
      g_assert_true (outbox_has (id, "schedule"));
    }
    undo_and_check (window, before, rows);
    g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                     HERALD_CAMPAIGN_STATUS_DRAFT);
  }

  /* start asks first; cancelling the question changes nothing */
  id = herald_record_get_id (HERALD_RECORD (draft));
  detail = open_detail (view, draft);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.start", NULL));
  answer (take_dialog (), FALSE);
  g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                   HERALD_CAMPAIGN_STATUS_DRAFT);
  g_assert_false (outbox_has (id, "start"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.start", NULL));
  answer (take_dialog (), TRUE);
  g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                   HERALD_CAMPAIGN_STATUS_RUNNING);
  g_assert_true (outbox_has (id, "start"));

  /* cancel is destructive and confirmed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.cancel", NULL));
  dialog = take_dialog ();
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (dialog), "campaign-cancel-dialog");
  }
  answer (dialog, TRUE);
  g_assert_cmpint (herald_campaign_get_status (herald_campaign_detail_get_campaign (detail)), ==,
                   HERALD_CAMPAIGN_STATUS_CANCELLED);
  g_assert_true (outbox_has (id, "cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (detail), actions[i].action)));

  /* duplicate makes a new draft with an outbox create; undo removes it */
  {
    g_autoptr(HeraldCampaignQuery) all = herald_campaign_query_new ();
    gint64 before = herald_store_count_campaigns (store, all, NULL);
    HeraldCampaign *copy;
    g_autofree char *copy_id = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.duplicate", NULL));
    herald_test_spin (50);
    g_assert_cmpint (herald_store_count_campaigns (store, all, NULL), ==, before + 1);
    copy = herald_campaign_detail_get_campaign (detail);
    copy_id = g_strdup (herald_record_get_id (HERALD_RECORD (copy)));
    g_assert_cmpstr (copy_id, !=, id);
    g_assert_cmpint (herald_campaign_get_status (copy), ==, HERALD_CAMPAIGN_STATUS_DRAFT);
    g_assert_true (outbox_has (copy_id, "create"));
    toast = g_object_get_data (G_OBJECT (window), "herald-campaign-toast");
    g_signal_emit_by_name (toast, "button-clicked");
    herald_test_spin (50);
    g_assert_cmpint (herald_store_count_campaigns (store, all, NULL), ==, before);
    g_assert_false (outbox_has (copy_id, "create"));
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
}

/* Delete from the detail page: asks, deletes (the page goes back to the
 * list), and the toast's Undo brings everything back. */
static void
test_detail_delete (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = get_view (&window);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) campaign = find_campaign (HERALD_CAMPAIGN_STATUS_COMPLETED, FALSE);
  g_autofree char *id = g_strdup (herald_record_get_id (HERALD_RECORD (campaign)));
  GtkStack *content = GTK_STACK (adw_bin_get_child (ADW_BIN (view)));
  HeraldCampaignDetail *detail = open_detail (view, campaign);
  g_autoptr(HeraldCampaign) restored = NULL;
  g_autofree char *rows_before = outbox_rows (id);
  g_autofree char *rows_after = NULL;
  g_autofree char *heading = NULL;
  gint64 recipients = herald_store_count_recipients (store, id, -1, NULL, NULL);
  GtkWindow *dialog;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "detail");
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (detail), "campaign.delete")));

  /* cancelling the question deletes nothing */
  gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.delete", NULL);
  answer (take_dialog (), FALSE);
  g_assert_true (herald_test_wait_until (no_dialog, NULL, 2000));
  g_assert_nonnull (herald_store_get_campaign (store, id, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "detail");

  gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.delete", NULL);
  dialog = take_dialog ();
  /* Translators: as in herald-campaign-ops.c */
  heading = g_strdup_printf (_("Delete “%s”?"), herald_campaign_get_name (campaign));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (dialog), "campaign-delete-dialog");
  }
  answer (dialog, TRUE);
  g_assert_null (herald_store_get_campaign (store, id, NULL));
  g_assert_true (outbox_has (id, "delete"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");

  g_signal_emit_by_name (last_toast (window), "button-clicked");
  herald_test_spin (50);
  restored = herald_store_get_campaign (store, id, NULL);
  g_assert_nonnull (restored);
  g_assert_true (herald_record_equal (HERALD_RECORD (restored), HERALD_RECORD (campaign)));
  g_assert_cmpint (herald_store_count_recipients (store, id, -1, NULL, NULL), ==, recipients);
  rows_after = outbox_rows (id);
  g_assert_cmpstr (rows_after, ==, rows_before);
}

static void
collect_cards (GtkWidget *root,
               GPtrArray *cards)
{
  if (gtk_widget_has_css_class (root, "metric-card"))
    g_ptr_array_add (cards, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

/* The metric card titled @title: its value and caption. */
static void
card_text (HeraldCampaignDetail  *detail,
           const char            *title,
           const char           **value,
           const char           **caption)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_cards (GTK_WIDGET (detail), cards);
  g_assert_cmpuint (cards->len, ==, 9);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *label = gtk_widget_get_first_child (cards->pdata[i]);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) != 0)
        continue;
      label = gtk_widget_get_next_sibling (label);
      *value = gtk_label_get_label (GTK_LABEL (label));
      *caption = gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (label)));
      return;
    }
  g_error ("no metric card “%s”", title);
}

static gboolean
german (void)
{
  return g_strcmp0 (_("Audience"), "Audience") != 0 && g_str_has_prefix (g_get_language_names ()[0], "de");
}

/* English as written here ("4,000"), in the locale's grouping of
 * thousands (none in the C locale the tests run in without LANG). */
static char *
english (const char *text)
{
  const char *sep = localeconv ()->thousands_sep;
  GString *s = g_string_new (text);

  if (sep == NULL || *sep == '\0')
    for (char *p = strchr (s->str, ','); p != NULL; p = strchr (s->str, ','))
      g_string_erase (s, p - s->str, 1);
  return g_string_free (s, FALSE);
}

static void
assert_card (HeraldCampaignDetail *detail,
             const char           *title,
             const char           *value_en,
             const char           *value_de,
             const char           *caption_en,
             const char           *caption_de,
             const char           *what)
{
  const char *value = NULL, *caption = NULL;

  g_autofree char *en_value = english (value_en);
  g_autofree char *en_caption = english (caption_en);

  card_text (detail, title, &value, &caption);
  g_test_message ("%s: %s, %s", title, value, caption);
  g_assert_cmpstr (value, ==, german () ? value_de : en_value);
  if (!german ())
    g_assert_cmpstr (caption, ==, en_caption);
  else if (what == NULL)
    g_assert_cmpstr (caption, ==, caption_de);
  else
    {
      /* the numbers as German writes them, then the translated noun */
      g_autofree char *expected = g_strconcat (caption_de, what, NULL);
      g_assert_cmpstr (caption, ==, expected);
    }
}

/* The Overview's metric cards: each rate with its denominator ("24.1 % of
 * 3,210 delivered"), "—" where there is none; checked as English and
 * German write them. */
static void
test_detail_metrics (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = get_view (&window);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldCampaign) empty = herald_campaign_new ();
  HeraldCampaignDetail *detail;
  const char *delivered = C_("of count", "delivered");
  const char *sent = C_("of count", "sent");

  g_object_set (c, "name", "Kennzahlen", "type", HERALD_CAMPAIGN_TYPE_EMAIL,
                "status", HERALD_CAMPAIGN_STATUS_COMPLETED, "currency", "EUR",
                "target-count", (gint64) 4000, "sent-count", (gint64) 3400,
                "delivered-count", (gint64) 3210, "open-count", (gint64) 774,
                "click-count", (gint64) 0, "conversion-count", (gint64) 12,
                "budget", (gint64) 500000, "spent", (gint64) 225000, NULL);
  g_assert_true (herald_store_save_full (store, HERALD_RECORD (c), HERALD_STORE_ORIGIN_REMOTE, NULL));
  detail = open_detail (view, c);
  herald_test_spin (50);
  assert_card (detail, _("Audience"), "4,000", "4.000",
               "recipients in the segment", "Empfänger im Segment", NULL);
  assert_card (detail, _("Sent"), "3,400", "3.400",
               "85.0 % of 4,000 in the audience", "85,0 % von 4.000 in der Zielgruppe", NULL);
  assert_card (detail, _("Delivered"), "3,210", "3.210",
               "94.4 % of 3,400 sent", "94,4 % von 3.400 ", sent);
  assert_card (detail, _("Unique Opens"), "774", "774",
               "24.1 % of 3,210 delivered", "24,1 % von 3.210 ", delivered);
  /* nobody clicked: 0 %, not "—", since there is a denominator */
  assert_card (detail, _("Unique Clicks"), "0", "0",
               "0.0 % of 3,210 delivered", "0,0 % von 3.210 ", delivered);
  assert_card (detail, _("Conversions"), "12", "12",
               "0.4 % of 3,210 delivered", "0,4 % von 3.210 ", delivered);
  assert_card (detail, _("Spent"), "€2,250.00", "2.250,00 €",
               "45.0 % of the budget of €5,000.00", "45,0 % des Budgets von 5.000,00 €", NULL);
  /* no revenue recorded: ROI −100 % of what was spent */
  assert_card (detail, _("Return on Investment"), "−100.0 %", "−100,0 %",
               "on €2,250.00 spent", "bei 2.250,00 € Ausgaben", NULL);
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-metrics");
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);

  /* nothing sent yet: every rate without a denominator is "—" */
  g_object_set (empty, "name", "Noch nichts gesendet", "currency", "EUR",
                "target-count", (gint64) 0, NULL);
  g_assert_true (herald_store_save_full (store, HERALD_RECORD (empty), HERALD_STORE_ORIGIN_REMOTE, NULL));
  detail = open_detail (view, empty);
  herald_test_spin (50);
  assert_card (detail, _("Sent"), "0", "0", "—", "—", NULL);
  assert_card (detail, _("Delivered"), "0", "0", "—", "—", NULL);
  assert_card (detail, _("Unique Opens"), "0", "0", "—", "—", NULL);
  assert_card (detail, _("Unique Clicks"), "0", "0", "—", "—", NULL);
  assert_card (detail, _("Conversions"), "0", "0", "—", "—", NULL);
  assert_card (detail, _("Spent"), "€0.00", "0,00 €", "—", "—", NULL);
  assert_card (detail, _("Return on Investment"), "—", "—", "—", "—", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
}

static void
test_detail_editing (void)
{
  HeraldCampaignsView *view = get_view (NULL);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) running = find_campaign (HERALD_CAMPAIGN_STATUS_RUNNING, FALSE);
  const char *id = herald_record_get_id (HERALD_RECORD (running));
  HeraldCampaignDetail *detail = open_detail (view, running);
  GtkWidget *name = herald_campaign_detail_get_field (detail, "name");
  GtkWidget *budget = herald_campaign_detail_get_field (detail, "budget");
  GtkWidget *sender = herald_campaign_detail_get_field (detail, "from-address");
  GtkLabel *name_error = herald_campaign_detail_get_field_error (detail, "name");
  GtkLabel *budget_error = herald_campaign_detail_get_field_error (detail, "budget");
  gint64 outbox_before = herald_store_count_outbox (store, NULL);

  /* what a running campaign no longer allows is locked, with the reason */
  g_assert_true (gtk_widget_get_sensitive (name));
  g_assert_true (gtk_widget_get_sensitive (budget));
  g_assert_false (gtk_widget_get_sensitive (sender));
  g_assert_nonnull (gtk_widget_get_tooltip_text (sender));

  gtk_editable_set_text (GTK_EDITABLE (name), "");
  gtk_editable_set_text (GTK_EDITABLE (budget), "twelve");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.save", NULL));
  herald_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (name_error)));
  g_assert_cmpstr (gtk_label_get_label (name_error), !=, "");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (budget_error)));
  g_assert_cmpstr (gtk_label_get_label (budget_error), !=, "");
  {
    GtkWidget *group = gtk_widget_get_ancestor (name, ADW_TYPE_PREFERENCES_GROUP);
    g_autofree char *s = herald_test_screenshot (group, "campaign-edit-errors");
    g_autoptr(HeraldCampaign) now = herald_store_get_campaign (store, id, NULL);
    g_assert_true (herald_record_equal (HERALD_RECORD (now), HERALD_RECORD (running)));
  }
  g_assert_cmpint (herald_store_count_outbox (store, NULL), ==, outbox_before);

  gtk_editable_set_text (GTK_EDITABLE (name), "Renamed campaign");
  {
    /* typed as the locale writes money */
    g_autofree char *amount = herald_format_money (123450, herald_campaign_get_currency (running));
    gtk_editable_set_text (GTK_EDITABLE (budget), amount);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "campaign.save", NULL));
  herald_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (name_error)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (budget_error)));
  {
    g_autoptr(HeraldCampaign) now = herald_store_get_campaign (store, id, NULL);
    g_assert_cmpstr (herald_campaign_get_name (now), ==, "Renamed campaign");
    g_assert_cmpint (herald_campaign_get_budget (now), ==, 123450);
    g_assert_true (outbox_has (id, "update"));
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
have_result (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static GDateTime *
day_start (const char *day)
{
  int y, m, d;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* The activity list shows exactly the store's events from the start of
 * @from to the end of @to (UTC days), newest first; returns how many. */
static guint
check_period (HeraldStore *store,
              const char  *id,
              GListModel  *model,
              const char  *from,
              const char  *to)
{
  g_autoptr(GDateTime) since = day_start (from);
  g_autoptr(GDateTime) last = day_start (to);
  g_autoptr(GDateTime) until = g_date_time_add_days (last, 1);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) expected = herald_store_list_events (store, id, -1, since, until, NULL, MAX (n, 1), NULL);
  g_autoptr(GPtrArray) all = herald_store_list_events (store, id, -1, since, until, NULL, 100000, NULL);

  /* the first page, or all of them when there are fewer */
  g_assert_cmpuint (n, ==, MIN (all->len, 200));
  g_assert_cmpuint (expected->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldEvent) e = g_list_model_get_item (model, i);
      GDateTime *when = herald_event_get_timestamp (e);

      g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (e)), ==,
                       herald_record_get_id (g_ptr_array_index (expected, i)));
      g_assert_cmpint (g_date_time_compare (when, since), >=, 0);
      g_assert_cmpint (g_date_time_compare (when, until), <, 0);
    }
  return n;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_detail_sections (void)
{
  HeraldWindow *window;
  HeraldCampaignsView *view = get_view (&window);
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(HeraldCampaign) campaign = find_campaign (HERALD_CAMPAIGN_STATUS_RUNNING, TRUE);
  const char *id;
  HeraldCampaignDetail *detail;
  HeraldRecipientsPage *recipients;
  HeraldActivityPage *activity;
  GListModel *model;
  gint64 total;

  if (campaign == NULL)
    campaign = find_campaign (HERALD_CAMPAIGN_STATUS_PAUSED, TRUE);
  if (campaign == NULL)
    campaign = find_campaign (HERALD_CAMPAIGN_STATUS_COMPLETED, TRUE);
  g_assert_nonnull (campaign);
  id = herald_record_get_id (HERALD_RECORD (campaign));
  detail = open_detail (view, campaign);
  herald_test_spin (100);
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-overview");
  }

  herald_campaign_detail_show_page (detail, "recipients");
  herald_test_spin (100);
  recipients = HERALD_RECIPIENTS_PAGE (find_widget (GTK_WIDGET (detail), HERALD_TYPE_RECIPIENTS_PAGE));
  model = herald_recipients_page_get_model (recipients);
  g_assert_nonnull (model);
  total = herald_store_count_recipients (store, id, -1, NULL, NULL);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, total);

  gtk_drop_down_set_selected (herald_recipients_page_get_status (recipients), HERALD_RECIPIENT_STATUS_BOUNCED + 1);
  herald_test_spin (20);
  g_assert_cmpint (g_list_model_get_n_items (model), ==,
                   herald_store_count_recipients (store, id, HERALD_RECIPIENT_STATUS_BOUNCED, NULL, NULL));
  gtk_drop_down_set_selected (herald_recipients_page_get_status (recipients), 0);
  {
    g_autoptr(HeraldRecipient) first = g_list_model_get_item (model, 0);
    g_autofree char *part = g_strndup (herald_recipient_get_address (first), 4);

    gtk_editable_set_text (herald_recipients_page_get_search (recipients), part);
    herald_test_spin (400);
    g_assert_cmpint (g_list_model_get_n_items (model), ==,
                     herald_store_count_recipients (store, id, -1, part, NULL));
    g_assert_cmpint (g_list_model_get_n_items (model), >=, 1);
  }
  gtk_selection_model_select_item (gtk_column_view_get_model (herald_recipients_page_get_column_view (recipients)), 0, TRUE);
  herald_test_spin (50);
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (herald_recipients_page_get_timeline (recipients))));
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-recipients");
  }

  /* CSV export of the shown (searched) set */
  {
    g_autofree char *dir = g_dir_make_tmp ("herald-export-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "r.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    gint64 written;

    herald_recipients_page_export_async (recipients, file, NULL, export_done_cb, &result);
    g_assert_true (herald_test_wait_until (have_result, &result, 10000));
    written = herald_recipients_page_export_finish (recipients, result, NULL);
    g_assert_cmpint (written, ==, g_list_model_get_n_items (model));
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\n", -1);
    /* header, one line per recipient, and the empty string after the last newline */
    g_assert_cmpint (g_strv_length (lines), ==, written + 2);
    g_assert_true (g_str_has_prefix (lines[0], "\"address\",\"status\""));
    g_remove (path);
    g_rmdir (dir);
  }

  herald_campaign_detail_show_page (detail, "activity");
  herald_test_spin (100);
  activity = HERALD_ACTIVITY_PAGE (find_widget (GTK_WIDGET (detail), HERALD_TYPE_ACTIVITY_PAGE));
  model = herald_activity_page_get_model (activity);
  g_assert_cmpint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HeraldEvent) a = g_list_model_get_item (model, i - 1);
      g_autoptr(HeraldEvent) b = g_list_model_get_item (model, i);
      g_assert_cmpint (g_date_time_compare (herald_event_get_timestamp (a), herald_event_get_timestamp (b)), >=, 0);
    }
  gtk_drop_down_set_selected (herald_activity_page_get_type_filter (activity), HERALD_EVENT_TYPE_CLICKED + 1);
  herald_test_spin (20);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HeraldEvent) e = g_list_model_get_item (model, i);
      g_assert_cmpint (herald_event_get_event_type (e), ==, HERALD_EVENT_TYPE_CLICKED);
    }
  gtk_drop_down_set_selected (herald_activity_page_get_type_filter (activity), 0);
  herald_test_spin (20);
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-activity");
  }

  /* the period: all time at first, then the last 7 days, then one day
   * picked in the calendars, each compared with the store */
  {
    HeraldDateRange *range = herald_activity_page_get_range (activity);
    guint all = g_list_model_get_n_items (model);
    g_autoptr(HeraldEvent) sample = NULL;
    g_autofree char *day = NULL;
    guint n;

    g_assert_cmpint (herald_date_range_get_preset (range), ==, HERALD_DATE_RANGE_ALL);
    g_assert_null (herald_date_range_get_from (range));
    herald_date_range_set_preset (range, HERALD_DATE_RANGE_LAST_7_DAYS);
    herald_test_spin (20);
    n = check_period (store, id, model, herald_date_range_get_from (range), herald_date_range_get_to (range));
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, all);

    herald_date_range_set_preset (range, HERALD_DATE_RANGE_ALL);
    herald_test_spin (20);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
    sample = g_list_model_get_item (model, all / 2);
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (herald_event_get_timestamp (sample));
      day = g_date_time_format (utc, "%Y-%m-%d");
    }
    herald_date_range_set_custom (range, day, day);
    herald_test_spin (20);
    g_assert_cmpint (herald_date_range_get_preset (range), ==, HERALD_DATE_RANGE_CUSTOM);
    n = check_period (store, id, model, day, day);
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, all);
    {
      g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-activity-day");
    }
    herald_date_range_set_preset (range, HERALD_DATE_RANGE_ALL);
    herald_test_spin (20);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  }
  /* live: a new event shows at the top */
  {
    g_autoptr(HeraldEvent) event = herald_event_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    guint before = g_list_model_get_n_items (model);

    g_object_set (event, "campaign-id", id, "event-type", HERALD_EVENT_TYPE_CONVERTED, "timestamp", now, NULL);
    g_assert_true (herald_store_save (store, HERALD_RECORD (event), NULL));
    herald_test_spin (50);
    g_assert_cmpint (g_list_model_get_n_items (model), ==, before + 1);
    {
      g_autoptr(HeraldEvent) top = g_list_model_get_item (model, 0);
      g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (top)), ==, herald_record_get_id (HERALD_RECORD (event)));
    }
  }

  herald_campaign_detail_show_page (detail, "variants");
  herald_test_spin (50);
  {
    g_autofree char *s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-variants");
  }
  /* one row per variant, in the store's order, with its subject and numbers
   * and a "Winner" badge only on the winner */
  {
    g_autoptr(GPtrArray) variants = herald_store_list_variants (store, id, NULL);
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (herald_campaign_detail_get_variants_list (detail)));

    g_assert_cmpuint (variants->len, >=, 2);
    for (guint i = 0; i < variants->len; i++, row = gtk_widget_get_next_sibling (row))
      {
        HeraldVariant *v = g_ptr_array_index (variants, i);
        gint64 delivered = herald_variant_get_delivered_count (v);
        g_autofree char *title = g_strdup_printf (_("Variant %s"), herald_variant_get_variant_name (v));
        g_autofree char *sent = herald_format_count (herald_variant_get_sent_count (v));
        g_autofree char *delivered_text = herald_format_count (delivered);
        g_autofree char *open = herald_format_rate (herald_variant_get_open_count (v), delivered, 1);
        g_autofree char *click = herald_format_rate (herald_variant_get_click_count (v), delivered, 1);
        const char *subtitle;
        gboolean badge = FALSE;

        g_assert_true (ADW_IS_ACTION_ROW (row));
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
        subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
        g_test_message ("%s: %s", title, subtitle);
        /* the subject, quoted as the language quotes, on the first line */
        g_assert_nonnull (strchr (subtitle, '\n'));
        g_assert_nonnull (strstr (subtitle, herald_variant_get_subject (v)));
        g_assert_true (strstr (subtitle, herald_variant_get_subject (v)) < strchr (subtitle, '\n'));
        /* the numbers of the rates (shown with a no-break space before "%") */
        g_strdelimit (open, " ", '\0');
        g_strdelimit (click, " ", '\0');
        g_assert_nonnull (strstr (subtitle, sent));
        g_assert_nonnull (strstr (subtitle, delivered_text));
        g_assert_nonnull (strstr (subtitle, open));
        g_assert_nonnull (strstr (subtitle, click));
        if (!german ())
          g_assert_nonnull (strstr (subtitle, " sent · "));
        badge = find_label (row, _("Winner")) != NULL;
        g_assert_cmpint (badge, ==, herald_variant_get_is_winner (v));
      }
    g_assert_null (row);
  }

  /* Performance: the campaign's charts and, for an A/B test, its results. */
  herald_campaign_detail_show_page (detail, "performance");
  herald_test_spin (100);
  {
    HeraldCampaignPerformance *performance =
      HERALD_CAMPAIGN_PERFORMANCE (find_widget (GTK_WIDGET (detail), HERALD_TYPE_CAMPAIGN_PERFORMANCE));
    HeraldAbResults *ab = HERALD_AB_RESULTS (find_widget (GTK_WIDGET (detail), HERALD_TYPE_AB_RESULTS));
    g_autofree char *s = NULL;

    g_assert_nonnull (performance);
    g_assert_nonnull (ab);
    g_assert_true (herald_campaign_performance_get_campaign (performance) != NULL);
    g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (herald_campaign_performance_get_campaign (performance))), ==, id);
    g_assert_true (herald_ab_results_get_has_variants (ab));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ab)));
    g_assert_nonnull (herald_ab_results_get_verdict_text (ab));
    s = herald_test_screenshot (GTK_WIDGET (window), "campaign-detail-performance");
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "campaigns.back", NULL);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);
  app = herald_test_app_new (TRUE);

  g_test_add_func ("/herald/campaigns-detail/actions-per-status", test_detail_actions_per_status);
  /* the sections and metrics first: their screenshots without the toasts
   * the actions below leave queued in the shared window */
  g_test_add_func ("/herald/campaigns-detail/sections", test_detail_sections);
  g_test_add_func ("/herald/campaigns-detail/metrics", test_detail_metrics);
  g_test_add_func ("/herald/campaigns-detail/transitions", test_detail_transitions);
  g_test_add_func ("/herald/campaigns-detail/delete", test_detail_delete);
  g_test_add_func ("/herald/campaigns-detail/editing", test_detail_editing);
  g_test_add_func ("/herald/campaigns-detail/send-test", test_detail_send_test);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
