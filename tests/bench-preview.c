/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-preview.c: the template editor's live preview, for the note in the
 * issue.  Not a test: run it under Xvfb (WebKit needs a display),
 *
 *   WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1 \
 *   xvfb-run -a -s '-screen 0 1280x800x24' build/tests/bench-preview [--edits N]
 *
 * Figures:
 *  - the time from the last keystroke to the updated preview (WebKit's
 *    load-changed FINISHED) for a 100 KB template, N edits, median and
 *    worst (one key after a pause, so no quiet period), and when the
 *    load started and committed;
 *  - the same after a burst of 8 keystrokes typed 30 ms apart and 120 ms
 *    apart (then loads are in flight while typing goes on): until the page
 *    shows every key (its title) and nothing is loading any more;
 *  - the memory of the editor with the preview open: VmRSS of this process
 *    plus every descendant (WebKit's web and network processes), read
 *    from /proc. */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <unistd.h>

#include "herald-template-editor.h"

typedef struct
{
  HeraldTemplatePreview *preview;
  guint                  loads;
} Wait;

/* When the load of the current edit started and committed. */
static gint64 started_at, committed_at;

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  if (event == WEBKIT_LOAD_STARTED)
    started_at = g_get_monotonic_time ();
  else if (event == WEBKIT_LOAD_COMMITTED)
    committed_at = g_get_monotonic_time ();
}

static gboolean
loaded (gpointer user_data)
{
  Wait *wait = user_data;

  return herald_template_preview_get_loads_finished (wait->preview) >= wait->loads;
}

static gboolean
spin_until (gboolean (*predicate) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static void
spin_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* VmRSS in KiB of @pid, 0 if it is gone. */
static gint64
rss_kib (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  line = strstr (contents, "VmRSS:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : 0;
}

static int
parent_of (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  const char *end;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  /* "pid (comm) state ppid ...": comm may hold spaces, so after the last ')'. */
  end = strrchr (contents, ')');
  if (end == NULL)
    return -1;
  return (int) g_ascii_strtoll (end + 4, NULL, 10);
}

static gboolean
descends_from (int pid,
               int ancestor)
{
  for (int i = 0; i < 32 && pid > 1; i++)
    {
      pid = parent_of (pid);
      if (pid == ancestor)
        return TRUE;
    }
  return FALSE;
}

static gint64
tree_rss_kib (guint *n_processes)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;
  int self = getpid ();
  gint64 total = rss_kib (self);

  *n_processes = 1;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      int pid = atoi (name);

      if (pid > 0 && pid != self && descends_from (pid, self))
        {
          total += rss_kib (pid);
          (*n_processes)++;
        }
    }
  return total;
}

typedef struct
{
  HeraldTemplatePreview *preview;
  const char            *title;
} TitleWait;

/* The document with the last keystroke is shown and nothing is loading. */
static gboolean
title_loaded (gpointer user_data)
{
  TitleWait *wait = user_data;
  WebKitWebView *web_view = herald_template_preview_get_web_view (wait->preview);

  return g_strcmp0 (webkit_web_view_get_title (web_view), wait->title) == 0
    && !herald_template_preview_get_busy (wait->preview);
}

/* Types @n characters into the title, @interval_ms apart, and returns the
 * time from the last keystroke until the preview shows all of them. */
static double
type_burst (GtkTextBuffer         *buffer,
            HeraldTemplatePreview *preview,
            guint                  n,
            guint                  interval_ms,
            guint                  round)
{
  g_autoptr(GString) title = g_string_new ("Bench");
  TitleWait wait = { preview, NULL };
  GtkTextIter start, end, iter;
  gint64 last = 0;

  /* Back to the plain title first. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (gtk_text_iter_forward_search (&start, "<title>", 0, NULL, &iter, NULL)
      && gtk_text_iter_forward_search (&iter, "</title>", 0, &end, NULL, NULL))
    {
      gtk_text_buffer_delete (buffer, &iter, &end);
      gtk_text_buffer_insert (buffer, &iter, "Bench", -1);
    }
  wait.title = title->str;
  spin_until (title_loaded, &wait, 30000);
  spin_ms (300);

  for (guint i = 0; i < n; i++)
    {
      char c = 'a' + (round + i) % 26;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_iter_forward_search (&start, "</title>", 0, &iter, NULL, NULL);
      gtk_text_buffer_insert (buffer, &iter, &c, 1);
      g_string_append_c (title, c);
      last = g_get_monotonic_time ();
      if (i + 1 < n)
        spin_ms (interval_ms);
    }
  wait.title = title->str;
  if (!spin_until (title_loaded, &wait, 30000))
    g_error ("Typing: the preview did not catch up in 30 s");
  return (g_get_monotonic_time () - last) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  guint edits = 15;
  g_autoptr(GString) html = g_string_new ("<html><head><title>Bench</title></head><body>\n<table>\n");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_start = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_commit = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  HeraldTemplateEditor *editor;
  HeraldTemplatePreview *preview;
  GtkTextBuffer *buffer;
  Wait wait;
  guint n_processes;
  gint64 rss_before, rss_after;
  double median, worst;

  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--edits"))
      edits = MAX (1, atoi (argv[i + 1]));

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_set_prgname ("bench-preview");
  adw_init ();

  for (guint i = 0; html->len < 100 * 1024; i++)
    g_string_append_printf (html,
                            "<tr><td style=\"padding: 8px; font-family: sans-serif\">Row %u for {{ first_name | default: \"Kundin\" }}</td>"
                            "<td><a href=\"https://example.com/p/%u\">{{ coupon }}</a></td></tr>\n", i, i);
  g_string_append (html, "</table>\n<p><a href=\"{{ unsubscribe_url }}\">Abmelden</a></p></body></html>\n");

  rss_before = tree_rss_kib (&n_processes);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  editor = HERALD_TEMPLATE_EDITOR (herald_template_editor_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  preview = herald_template_editor_get_preview (editor);
  g_signal_connect (herald_template_preview_get_web_view (preview), "load-changed",
                    G_CALLBACK (load_changed_cb), NULL);
  buffer = GTK_TEXT_BUFFER (herald_template_editor_get_html_buffer (editor));

  wait.preview = preview;
  wait.loads = herald_template_preview_get_loads_finished (preview) + 1;
  herald_template_editor_load (editor, NULL);
  herald_variables_editor_set_json (herald_template_editor_get_variables_editor (editor),
                                    "{\"coupon\": \"WELCOME10\"}", NULL);
  spin_until (loaded, &wait, 30000);
  wait.loads = herald_template_preview_get_loads_finished (preview) + 1;
  gtk_text_buffer_set_text (buffer, html->str, -1);
  if (!spin_until (loaded, &wait, 30000))
    g_error ("The first preview did not load");
  spin_ms (500);

  for (guint i = 0; i < edits; i++)
    {
      GtkTextIter end;
      gint64 start;

      wait.loads = herald_template_preview_get_loads_finished (preview) + 1;
      gtk_text_buffer_get_end_iter (buffer, &end);
      start = g_get_monotonic_time ();
      /* One keystroke: the last one before the user stops typing. */
      gtk_text_buffer_insert (buffer, &end, "x", 1);
      if (!spin_until (loaded, &wait, 30000))
        g_error ("Edit %u: no preview after 30 s", i);
      g_array_append_val (times, *(double[]) { (g_get_monotonic_time () - start) / 1000.0 });
      g_array_append_val (to_start, *(double[]) { (started_at - start) / 1000.0 });
      g_array_append_val (to_commit, *(double[]) { (committed_at - started_at) / 1000.0 });
      spin_ms (100);
    }

  /* Typing: faster than the quiet period (every keystroke restarts it),
   * and slower (a load is in flight while the next keys come, which the
   * preview coalesces). */
  g_autoptr(GString) typing = g_string_new (NULL);
  {
    const guint intervals[] = { 30, 120 };

    for (guint k = 0; k < G_N_ELEMENTS (intervals); k++)
      {
        g_autoptr(GArray) bursts = g_array_new (FALSE, FALSE, sizeof (double));

        for (guint r = 0; r < MAX (3, edits / 3); r++)
          g_array_append_val (bursts, *(double[]) { type_burst (buffer, preview, 8, intervals[k], r) });
        g_array_sort (bursts, compare_double);
        g_string_append_printf (typing, "typing 8 keys %u ms apart (%u times): last keystroke → preview shows all of them: "
                 "median %.0f ms, worst %.0f ms\n",
                 intervals[k], bursts->len,
                 g_array_index (bursts, double, bursts->len / 2),
                 g_array_index (bursts, double, bursts->len - 1));
      }
  }

  rss_after = tree_rss_kib (&n_processes);

  g_array_sort (times, compare_double);
  g_array_sort (to_start, compare_double);
  g_array_sort (to_commit, compare_double);
  median = g_array_index (times, double, times->len / 2);
  worst = g_array_index (times, double, times->len - 1);

  g_print ("template: %zu bytes of HTML\n", html->len);
  g_print ("last keystroke → preview loaded (%u edits): median %.0f ms, worst %.0f ms\n",
           edits, median, worst);
  g_print ("  (an edit while nothing loads is rendered at once; the quiet period of %d ms is for "
           "keys that come while a page loads)\n", HERALD_TEMPLATE_EDITOR_REFRESH_DELAY);
  g_print ("  keystroke → load started (render, scroll position read, WebKit's IPC): median %.0f ms; "
           "started → committed: median %.0f ms; the rest is parsing and layout until FINISHED\n",
           g_array_index (to_start, double, to_start->len / 2),
           g_array_index (to_commit, double, to_commit->len / 2));
  g_print ("%s", typing->str);
  g_print ("memory (VmRSS, this process + %u descendants): %.1f MiB before the editor, %.1f MiB with it "
           "(this process %.1f MiB, WebKit's processes %.1f MiB)\n",
           n_processes - 1, rss_before / 1024.0, rss_after / 1024.0,
           rss_kib (getpid ()) / 1024.0, (rss_after - rss_kib (getpid ())) / 1024.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
