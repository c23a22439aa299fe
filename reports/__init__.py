"""The weekly briefing: data gathering, templates, CSS, PDF rendering, email.

Entry points for the flows:

- ``reports.briefing.gather(con, week, *, run_id, generated_at) -> Briefing``
- ``reports.render.render_pdf(briefing, out_path) -> RenderResult(pages, path, refused_urls)``
- ``reports.email.build_message(briefing, pdf_path, *, sender, recipients) -> EmailMessage``
- ``reports.email.send(message, *, host, port, security, username, password, timeout)``
- ``reports.email.write_eml(message, outbox_dir) -> Path``
"""
