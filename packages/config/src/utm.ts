/** The `utm_*` tags of the page an enquiry came from, as the admin API shows them. */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}
