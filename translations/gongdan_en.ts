<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Access</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Field staff</source>
        <translation>Field staff</translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>A file needs a name.</source>
        <translation>A file needs a name.</translation>
    </message>
    <message>
        <source>The file is not in the local store.</source>
        <translation>The file is not in the local store.</translation>
    </message>
    <message>
        <source>The stored file is damaged.</source>
        <translation>The stored file is damaged.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; files up to %3 can be attached. Share a smaller file or a link instead.</source>
        <extracomment>%1 the file&apos;s name, %2 its size, %3 the largest size the team server takes (e.g. &quot;25 MB&quot;)</extracomment>
        <translation>&quot;%1&quot; is %2; files up to %3 can be attached. Share a smaller file or a link instead.</translation>
    </message>
    <message>
        <source>The file arrived damaged; it will be fetched again.</source>
        <translation>The file arrived damaged; it will be fetched again.</translation>
    </message>
</context>
<context>
    <name>BulkTicketActions</name>
    <message>
        <source>The ticket no longer exists.</source>
        <translation>The ticket no longer exists.</translation>
    </message>
    <message>
        <source>Type the tag to add.</source>
        <translation>Type the tag to add.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs details for each ticket; open the ticket to do it.</source>
        <translation>&quot;%1&quot; needs details for each ticket; open the ticket to do it.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) changed</source>
        <translation>
            <numerusform>%n ticket changed</numerusform>
            <numerusform>%n tickets changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped</source>
        <translation>
            <numerusform>; %n skipped</numerusform>
            <numerusform>; %n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessCalendar</name>
    <message>
        <source>A day&apos;s hours are a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] pairs.</source>
        <translation>A day&apos;s hours are a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] pairs.</translation>
    </message>
    <message>
        <source>Each interval is a pair of times such as [&quot;09:00&quot;, &quot;18:00&quot;].</source>
        <translation>Each interval is a pair of times such as [&quot;09:00&quot;, &quot;18:00&quot;].</translation>
    </message>
    <message>
        <source>Times are written HH:MM, from 00:00 to 24:00 (24:00 only as an end).</source>
        <translation>Times are written HH:MM, from 00:00 to 24:00 (24:00 only as an end).</translation>
    </message>
    <message>
        <source>An interval ends after it starts.</source>
        <translation>An interval ends after it starts.</translation>
    </message>
    <message>
        <source>A day&apos;s intervals must not overlap.</source>
        <translation>A day&apos;s intervals must not overlap.</translation>
    </message>
    <message>
        <source>Dates are written YYYY-MM-DD.</source>
        <translation>Dates are written YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>A calendar needs a name.</source>
        <translation>A calendar needs a name.</translation>
    </message>
    <message>
        <source>The time zone must be an IANA name such as Asia/Shanghai.</source>
        <translation>The time zone must be an IANA name such as Asia/Shanghai.</translation>
    </message>
    <message>
        <source>A calendar needs its weekly hours (mon … sun).</source>
        <translation>A calendar needs its weekly hours (mon … sun).</translation>
    </message>
    <message>
        <source>Weekdays are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation>Weekdays are mon, tue, wed, thu, fri, sat and sun.</translation>
    </message>
    <message>
        <source>A holiday is named by a text, e.g. &quot;2026-10-01&quot;: &quot;国庆节&quot;.</source>
        <translation>A holiday is named by a text, e.g. &quot;2026-10-01&quot;: &quot;国庆节&quot;.</translation>
    </message>
    <message>
        <source>The calendar has no working hours in the ten years after this instant.</source>
        <translation>The calendar has no working hours in the ten years after this instant.</translation>
    </message>
    <message>
        <source>The calendar has no working hours in the ten years before this instant.</source>
        <translation>The calendar has no working hours in the ten years before this instant.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an instant: write ISO 8601 with an offset or Z, e.g. 2024-09-27T17:00:00+08:00.</source>
        <translation>&quot;%1&quot; is not an instant: write ISO 8601 with an offset or Z, e.g. 2024-09-27T17:00:00+08:00.</translation>
    </message>
    <message>
        <source>A pause is FROM/TO, two instants.</source>
        <translation>A pause is FROM/TO, two instants.</translation>
    </message>
    <message>
        <source>A pause ends after it starts.</source>
        <translation>A pause ends after it starts.</translation>
    </message>
</context>
<context>
    <name>CacheRecovery</name>
    <message>
        <source>The damaged store %1 could not be moved aside; check the folder&apos;s permissions.</source>
        <translation>The damaged store %1 could not be moved aside; check the folder&apos;s permissions.</translation>
    </message>
</context>
<context>
    <name>CategoryTree</name>
    <message>
        <source>Every category needs an id and a Chinese name.</source>
        <translation>Every category needs an id and a Chinese name.</translation>
    </message>
    <message>
        <source>The category id &quot;%1&quot; is used twice.</source>
        <translation>The category id &quot;%1&quot; is used twice.</translation>
    </message>
    <message>
        <source>The parent of &quot;%1&quot; does not exist.</source>
        <translation>The parent of &quot;%1&quot; does not exist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is inside itself or more than %2 levels deep.</source>
        <translation>&quot;%1&quot; is inside itself or more than %2 levels deep.</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <source>A customer needs a name.</source>
        <translation>A customer needs a name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>&quot;%1&quot; is not a phone number.</translation>
    </message>
    <message>
        <source>An ID card number has 18 characters (or 15 digits).</source>
        <translation>An ID card number has 18 characters (or 15 digits).</translation>
    </message>
    <message>
        <source>A bank card number has 12 to 19 digits.</source>
        <translation>A bank card number has 12 to 19 digits.</translation>
    </message>
</context>
<context>
    <name>CustomerRepository</name>
    <message>
        <source>The customer number %1 is already used.</source>
        <translation>The customer number %1 is already used.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The local store %1 is damaged or is not a Gongdan store (%2). It can be rebuilt; changes that were not yet sent to the server are kept.</source>
        <translation>The local store %1 is damaged or is not a Gongdan store (%2). It can be rebuilt; changes that were not yet sent to the server are kept.</translation>
    </message>
    <message>
        <source>The local store %1 cannot be read: %2</source>
        <translation>The local store %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>the file does not start like a database</source>
        <translation>the file does not start like a database</translation>
    </message>
    <message>
        <source>The local store %1 cannot be opened: %2</source>
        <translation>The local store %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The local store refused an operation: %1</source>
        <translation>The local store refused an operation: %1</translation>
    </message>
</context>
<context>
    <name>EscalationRule</name>
    <message>
        <source>The metric is first_response, next_response, resolution or accept.</source>
        <translation>The metric is first_response, next_response, resolution or accept.</translation>
    </message>
    <message>
        <source>A chain needs at least one level.</source>
        <translation>A chain needs at least one level.</translation>
    </message>
    <message>
        <source>Levels are numbered 1, 2, 3 … each once.</source>
        <translation>Levels are numbered 1, 2, 3 … each once.</translation>
    </message>
    <message>
        <source>The offset is counted in business or calendar minutes.</source>
        <translation>The offset is counted in business or calendar minutes.</translation>
    </message>
    <message>
        <source>Quiet hours are respect_calendar or always.</source>
        <translation>Quiet hours are respect_calendar or always.</translation>
    </message>
    <message>
        <source>The audience is assignee, group_lead, supervisor, manager or user:&lt;id&gt;.</source>
        <translation>The audience is assignee, group_lead, supervisor, manager or user:&lt;id&gt;.</translation>
    </message>
    <message>
        <source>The actions are priority (a priority), add_tag (a tag) and group_id (a group).</source>
        <translation>The actions are priority (a priority), add_tag (a tag) and group_id (a group).</translation>
    </message>
    <message>
        <source>A level repeats every 5 to 1440 minutes, or not at all (0).</source>
        <translation>A level repeats every 5 to 1440 minutes, or not at all (0).</translation>
    </message>
</context>
<context>
    <name>FieldCatalog</name>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>subject</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>need type</source>
        <translation>need type</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>channel</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>priority</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>assignee</translation>
    </message>
    <message>
        <source>group</source>
        <translation>group</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>resolution</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>response due</source>
        <translation>response due</translation>
    </message>
    <message>
        <source>resolution due</source>
        <translation>resolution due</translation>
    </message>
    <message>
        <source>custom fields</source>
        <translation>custom fields</translation>
    </message>
    <message>
        <source>(me)</source>
        <translation>(me)</translation>
    </message>
    <message>
        <source>ticked</source>
        <translation>ticked</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>not ticked</translation>
    </message>
    <message>
        <source>is</source>
        <translation>is</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>is not</translation>
    </message>
    <message>
        <source>is any of</source>
        <translation>is any of</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>is none of</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contains</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>is empty</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>is not empty</translation>
    </message>
    <message>
        <source>before</source>
        <translation>before</translation>
    </message>
    <message>
        <source>after</source>
        <translation>after</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>at least</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>at most</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>needs attention</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>satisfaction</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>scored</translation>
    </message>
</context>
<context>
    <name>FieldDefinition</name>
    <message>
        <source>Single-line text</source>
        <translation>Single-line text</translation>
    </message>
    <message>
        <source>Multi-line text</source>
        <translation>Multi-line text</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>Decimal number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>Checkbox</translation>
    </message>
    <message>
        <source>Cascading choice</source>
        <translation>Cascading choice</translation>
    </message>
    <message>
        <source>Checked text</source>
        <translation>Checked text</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>File attachment</source>
        <translation>File attachment</translation>
    </message>
    <message>
        <source>Unknown field type &quot;%1&quot;.</source>
        <translation>Unknown field type &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown text format &quot;%1&quot;.</source>
        <translation>Unknown text format &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A field key is 1 to 48 lowercase letters, digits or underscores, starting with a letter.</source>
        <translation>A field key is 1 to 48 lowercase letters, digits or underscores, starting with a letter.</translation>
    </message>
    <message>
        <source>A field needs a Chinese and an English label.</source>
        <translation>A field needs a Chinese and an English label.</translation>
    </message>
    <message>
        <source>The maximum length cannot be negative.</source>
        <translation>The maximum length cannot be negative.</translation>
    </message>
    <message>
        <source>The minimum is larger than the maximum.</source>
        <translation>The minimum is larger than the maximum.</translation>
    </message>
    <message>
        <source>A decimal field has 0 to 8 digits after the point.</source>
        <translation>A decimal field has 0 to 8 digits after the point.</translation>
    </message>
    <message>
        <source>A choice field needs options with unique values and labels, one level deep.</source>
        <translation>A choice field needs options with unique values and labels, one level deep.</translation>
    </message>
    <message>
        <source>A cascading field needs an option tree of 1 to %1 levels with unique values and labels.</source>
        <translation>A cascading field needs an option tree of 1 to %1 levels with unique values and labels.</translation>
    </message>
    <message>
        <source>The pattern is not a valid regular expression: %1</source>
        <translation>The pattern is not a valid regular expression: %1</translation>
    </message>
    <message>
        <source>A checked text field needs its error message in Chinese and English.</source>
        <translation>A checked text field needs its error message in Chinese and English.</translation>
    </message>
    <message>
        <source>The type of the field &quot;%1&quot; cannot change after it is created; add a new field instead.</source>
        <translation>The type of the field &quot;%1&quot; cannot change after it is created; add a new field instead.</translation>
    </message>
    <message>
        <source>The key of a field cannot change after it is created.</source>
        <translation>The key of a field cannot change after it is created.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role.</source>
        <translation>&quot;%1&quot; is not a role.</translation>
    </message>
    <message>
        <source>Only a text or checked-text field can be sensitive.</source>
        <translation>Only a text or checked-text field can be sensitive.</translation>
    </message>
    <message>
        <source>Whether the field &quot;%1&quot; is sensitive cannot change after it is created; add a new field instead.</source>
        <translation>Whether the field &quot;%1&quot; is sensitive cannot change after it is created; add a new field instead.</translation>
    </message>
</context>
<context>
    <name>FieldText</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message numerus="yes">
        <source>%1 is limited to %n characters.</source>
        <translation>
            <numerusform>%1 is limited to %n character.</numerusform>
            <numerusform>%1 is limited to %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 must be text.</translation>
    </message>
    <message>
        <source>%1 must be a single line.</source>
        <translation>%1 must be a single line.</translation>
    </message>
    <message>
        <source>%1 must be an e-mail address such as name@example.com.</source>
        <translation>%1 must be an e-mail address such as name@example.com.</translation>
    </message>
    <message>
        <source>%1 must be a phone number (digits, spaces, + - and brackets).</source>
        <translation>%1 must be a phone number (digits, spaces, + - and brackets).</translation>
    </message>
    <message>
        <source>%1 must be a web address starting with http:// or https://.</source>
        <translation>%1 must be a web address starting with http:// or https://.</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 must be a whole number.</translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation>%1 must be at least %2.</translation>
    </message>
    <message>
        <source>%1 must be at most %2.</source>
        <translation>%1 must be at most %2.</translation>
    </message>
    <message>
        <source>%1 must be a number such as 12.50.</source>
        <translation>%1 must be a number such as 12.50.</translation>
    </message>
    <message numerus="yes">
        <source>%1 allows %n digit(s) after the decimal point.</source>
        <translation>
            <numerusform>%1 allows %n digit after the decimal point.</numerusform>
            <numerusform>%1 allows %n digits after the decimal point.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must be a date such as 2023-10-01.</source>
        <translation>%1 must be a date such as 2023-10-01.</translation>
    </message>
    <message>
        <source>%1 must be a date and time such as 2023-10-01T09:30:00+08:00.</source>
        <translation>%1 must be a date and time such as 2023-10-01T09:30:00+08:00.</translation>
    </message>
    <message>
        <source>%1: choose one of the listed options.</source>
        <translation>%1: choose one of the listed options.</translation>
    </message>
    <message>
        <source>%1: choose from the listed options.</source>
        <translation>%1: choose from the listed options.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of the options.</source>
        <translation>%1: &quot;%2&quot; is not one of the options.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is chosen twice.</source>
        <translation>%1: &quot;%2&quot; is chosen twice.</translation>
    </message>
    <message>
        <source>%1 must be ticked or not ticked.</source>
        <translation>%1 must be ticked or not ticked.</translation>
    </message>
    <message>
        <source>%1: choose a value at each level.</source>
        <translation>%1: choose a value at each level.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a choice at this level.</source>
        <translation>%1: &quot;%2&quot; is not a choice at this level.</translation>
    </message>
    <message>
        <source>%1: choose a value at each level, down to the last.</source>
        <translation>%1: choose a value at each level, down to the last.</translation>
    </message>
    <message>
        <source>%1 must be a customer from the archive.</source>
        <translation>%1 must be a customer from the archive.</translation>
    </message>
    <message>
        <source>%1 must be a list of attached files.</source>
        <translation>%1 must be a list of attached files.</translation>
    </message>
    <message>
        <source>%1 has an attachment without a valid content hash, name or size.</source>
        <translation>%1 has an attachment without a valid content hash, name or size.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>%1 must be filled in before closing.</source>
        <translation>%1 must be filled in before closing.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a defined field.</source>
        <translation>&quot;%1&quot; is not a defined field.</translation>
    </message>
</context>
<context>
    <name>JsonCodec</name>
    <message>
        <source>The value of &quot;%1&quot; is missing or not valid.</source>
        <translation>The value of &quot;%1&quot; is missing or not valid.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Web form</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Waiting for customer</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Public reply</source>
        <translation>Public reply</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>transfer</translation>
    </message>
    <message>
        <source>wait for the customer</source>
        <translation>wait for the customer</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>resume</translation>
    </message>
    <message>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>reopen</translation>
    </message>
    <message>
        <source>mark as spam</source>
        <translation>mark as spam</translation>
    </message>
    <message>
        <source>restore from spam</source>
        <translation>restore from spam</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>merge</translation>
    </message>
    <message>
        <source>A ticket that is &quot;%1&quot; cannot be given the action &quot;%2&quot;.</source>
        <translation>A ticket that is &quot;%1&quot; cannot be given the action &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>A transfer needs a note for the receiving group.</source>
        <translation>A transfer needs a note for the receiving group.</translation>
    </message>
    <message>
        <source>Describe the solution before asking the customer to confirm it.</source>
        <translation>Describe the solution before asking the customer to confirm it.</translation>
    </message>
    <message>
        <source>Closing needs a resolution note.</source>
        <translation>Closing needs a resolution note.</translation>
    </message>
    <message>
        <source>Closing needs the customer&apos;s answer: satisfied or not satisfied.</source>
        <translation>Closing needs the customer&apos;s answer: satisfied or not satisfied.</translation>
    </message>
    <message>
        <source>Choose the ticket to merge into.</source>
        <translation>Choose the ticket to merge into.</translation>
    </message>
    <message>
        <source>Choose the group to transfer the ticket to.</source>
        <translation>Choose the group to transfer the ticket to.</translation>
    </message>
    <message>
        <source>record satisfaction</source>
        <translation>record satisfaction</translation>
    </message>
    <message>
        <source>A satisfaction score is 1 to 5.</source>
        <translation>A satisfaction score is 1 to 5.</translation>
    </message>
    <message>
        <source>A score of 1 or 2 means the customer is not satisfied: the ticket goes to follow-up.</source>
        <translation>A score of 1 or 2 means the customer is not satisfied: the ticket goes to follow-up.</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s score, 1 to 5.</source>
        <translation>Choose the customer's score, 1 to 5.</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>The local store was written by a newer Gongdan (schema %1; this version knows %2). Update Gongdan.</source>
        <translation>The local store was written by a newer Gongdan (schema %1; this version knows %2). Update Gongdan.</translation>
    </message>
</context>
<context>
    <name>OptionText</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>indent by two spaces per level.</source>
        <translation>indent by two spaces per level.</translation>
    </message>
    <message>
        <source>indented deeper than the line above.</source>
        <translation>indented deeper than the line above.</translation>
    </message>
    <message>
        <source>write it as “value = 中文 | English”.</source>
        <translation>write it as “value = 中文 | English”.</translation>
    </message>
    <message>
        <source>the Chinese label is missing.</source>
        <translation>the Chinese label is missing.</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>This ticket is no longer one you may see or change.</source>
        <translation>This ticket is no longer one you may see or change.</translation>
    </message>
    <message>
        <source>Field staff create tickets assigned to themselves.</source>
        <translation>Field staff create tickets assigned to themselves.</translation>
    </message>
    <message>
        <source>Field staff hand a ticket back with a transfer, not by editing it.</source>
        <translation>Field staff hand a ticket back with a transfer, not by editing it.</translation>
    </message>
    <message>
        <source>Only supervisors and admins set due times.</source>
        <translation>Only supervisors and admins set due times.</translation>
    </message>
    <message>
        <source>You cannot create a ticket you could not see.</source>
        <translation>You cannot create a ticket you could not see.</translation>
    </message>
    <message>
        <source>The ticket is not on the team server, or no longer one you may see.</source>
        <translation>The ticket is not on the team server, or no longer one you may see.</translation>
    </message>
    <message>
        <source>The ticket was closed meanwhile; reopen it first.</source>
        <translation>The ticket was closed meanwhile; reopen it first.</translation>
    </message>
    <message>
        <source>A ticket with this id exists already.</source>
        <translation>A ticket with this id exists already.</translation>
    </message>
    <message>
        <source>The ticket&apos;s id is not valid.</source>
        <translation>The ticket&apos;s id is not valid.</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>A ticket needs a subject.</translation>
    </message>
    <message>
        <source>The group does not exist or is switched off.</source>
        <translation>The group does not exist or is switched off.</translation>
    </message>
    <message>
        <source>The assignee does not exist or is switched off.</source>
        <translation>The assignee does not exist or is switched off.</translation>
    </message>
    <message>
        <source>The assignee must belong to the ticket&apos;s group.</source>
        <translation>The assignee must belong to the ticket&apos;s group.</translation>
    </message>
    <message>
        <source>The category does not exist or is switched off.</source>
        <translation>The category does not exist or is switched off.</translation>
    </message>
    <message>
        <source>The customer is not in the archive.</source>
        <translation>The customer is not in the archive.</translation>
    </message>
    <message>
        <source>Its reference number belongs to another ticket.</source>
        <translation>Its reference number belongs to another ticket.</translation>
    </message>
    <message>
        <source>Its reference number is not valid.</source>
        <translation>Its reference number is not valid.</translation>
    </message>
    <message>
        <source>The value of “%1” is not accepted.</source>
        <translation>The value of “%1” is not accepted.</translation>
    </message>
    <message>
        <source>The call&apos;s time or length is not valid.</source>
        <translation>The call&apos;s time or length is not valid.</translation>
    </message>
    <message>
        <source>The ticket to link is not one you can see.</source>
        <translation>The ticket to link is not one you can see.</translation>
    </message>
    <message>
        <source>You may not change “%1”.</source>
        <translation>You may not change “%1”.</translation>
    </message>
    <message>
        <source>“%1” cannot be edited.</source>
        <translation>“%1” cannot be edited.</translation>
    </message>
    <message>
        <source>The value of “%1” has the wrong form.</source>
        <translation>The value of “%1” has the wrong form.</translation>
    </message>
    <message>
        <source>The ticket&apos;s status changed meanwhile; this action no longer applies.</source>
        <translation>The ticket&apos;s status changed meanwhile; this action no longer applies.</translation>
    </message>
    <message>
        <source>A transfer needs a note for the receiving group.</source>
        <translation>A transfer needs a note for the receiving group.</translation>
    </message>
    <message>
        <source>Choose the group to transfer the ticket to.</source>
        <translation>Choose the group to transfer the ticket to.</translation>
    </message>
    <message>
        <source>The receiving group does not exist or is switched off.</source>
        <translation>The receiving group does not exist or is switched off.</translation>
    </message>
    <message>
        <source>This needs a resolution.</source>
        <translation>This needs a resolution.</translation>
    </message>
    <message>
        <source>Closing needs the customer&apos;s answer.</source>
        <translation>Closing needs the customer&apos;s answer.</translation>
    </message>
    <message>
        <source>A ticket can only be merged into another open ticket.</source>
        <translation>A ticket can only be merged into another open ticket.</translation>
    </message>
    <message>
        <source>Choose the ticket to merge into.</source>
        <translation>Choose the ticket to merge into.</translation>
    </message>
    <message>
        <source>Only members of the ticket&apos;s group can accept it; transfer it to your group first.</source>
        <translation>Only members of the ticket&apos;s group can accept it; transfer it to your group first.</translation>
    </message>
    <message>
        <source>The reply was empty.</source>
        <translation>The reply was empty.</translation>
    </message>
    <message>
        <source>This ticket was merged into another; write on that one.</source>
        <translation>This ticket was merged into another; write on that one.</translation>
    </message>
    <message>
        <source>The team server does not take this kind of change yet.</source>
        <translation>The team server does not take this kind of change yet.</translation>
    </message>
    <message>
        <source>Refused (%1).</source>
        <translation>Refused (%1).</translation>
    </message>
    <message>
        <source>Only supervisors and admins share views or change shared ones; save it as your own view.</source>
        <translation>Only supervisors and admins share views or change shared ones; save it as your own view.</translation>
    </message>
    <message>
        <source>This personal view belongs to someone else.</source>
        <translation>This personal view belongs to someone else.</translation>
    </message>
    <message>
        <source>The view is shared with a group that does not exist.</source>
        <translation>The view is shared with a group that does not exist.</translation>
    </message>
    <message>
        <source>The view no longer exists on the team server.</source>
        <translation>The view no longer exists on the team server.</translation>
    </message>
    <message>
        <source>The view uses a field the team no longer has (“%1”).</source>
        <translation>The view uses a field the team no longer has (“%1”).</translation>
    </message>
</context>
<context>
    <name>SearchTokenizer</name>
    <message>
        <source>This SQLite library has no full-text search (FTS5).</source>
        <translation>This SQLite library has no full-text search (FTS5).</translation>
    </message>
    <message>
        <source>Could not register the search tokenizer.</source>
        <translation>Could not register the search tokenizer.</translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>An SLA policy needs a name.</source>
        <translation>An SLA policy needs a name.</translation>
    </message>
    <message>
        <source>A policy matches all or any of its conditions, not both.</source>
        <translation>A policy matches all or any of its conditions, not both.</translation>
    </message>
    <message>
        <source>Each condition names a ticket field (status, priority, tags, …) or customer_level.</source>
        <translation>Each condition names a ticket field (status, priority, tags, …) or customer_level.</translation>
    </message>
    <message>
        <source>The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, after, at_least, at_most.</source>
        <translation>The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, after, at_least, at_most.</translation>
    </message>
    <message>
        <source>Targets are given per priority: normal, urgent or critical.</source>
        <translation>Targets are given per priority: normal, urgent or critical.</translation>
    </message>
    <message>
        <source>A priority&apos;s targets are first_response, next_response, resolution and accept, in minutes.</source>
        <translation>A priority&apos;s targets are first_response, next_response, resolution and accept, in minutes.</translation>
    </message>
    <message>
        <source>A target is a number of minutes from 0 (0: no clock).</source>
        <translation>A target is a number of minutes from 0 (0: no clock).</translation>
    </message>
    <message>
        <source>The warning share is a percentage from 1 to 100.</source>
        <translation>The warning share is a percentage from 1 to 100.</translation>
    </message>
    <message>
        <source>The warning comes 0 or more minutes before the due time.</source>
        <translation>The warning comes 0 or more minutes before the due time.</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>Unknown status.</translation>
    </message>
    <message>
        <source>Closed, spam and merged tickets always stop the clocks.</source>
        <translation>Closed, spam and merged tickets always stop the clocks.</translation>
    </message>
    <message>
        <source>An open status runs or pauses the clocks.</source>
        <translation>An open status runs or pauses the clocks.</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>The field &quot;%1&quot; must be %2.</source>
        <translation>The field &quot;%1&quot; must be %2.</translation>
    </message>
    <message>
        <source>an object of field values</source>
        <translation>an object of field values</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field that can be edited.</source>
        <translation>&quot;%1&quot; is not a field that can be edited.</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>A ticket needs a subject.</translation>
    </message>
    <message>
        <source>a list of tags</source>
        <translation>a list of tags</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>a date and time</translation>
    </message>
    <message>
        <source>one of the listed choices</source>
        <translation>one of the listed choices</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
</context>
<context>
    <name>TicketRepository</name>
    <message>
        <source>The ticket no longer exists.</source>
        <translation>The ticket no longer exists.</translation>
    </message>
    <message>
        <source>Unknown queued change &quot;%1&quot;.</source>
        <translation>Unknown queued change &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The server has not accepted this ticket yet: fix it and send it again first.</source>
        <translation>The server has not accepted this ticket yet: fix it and send it again first.</translation>
    </message>
    <message>
        <source>This ticket is not waiting to be sent again.</source>
        <translation>This ticket is not waiting to be sent again.</translation>
    </message>
</context>
<context>
    <name>TicketRules</name>
    <message>
        <source>There is no such ticket among those you can see.</source>
        <translation>There is no such ticket among those you can see.</translation>
    </message>
    <message>
        <source>There is no active group &quot;%1&quot;.</source>
        <translation>There is no active group &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no active person &quot;%1&quot; to assign the ticket to.</source>
        <translation>There is no active person &quot;%1&quot; to assign the ticket to.</translation>
    </message>
    <message>
        <source>The assignee must belong to the ticket&apos;s group.</source>
        <translation>The assignee must belong to the ticket&apos;s group.</translation>
    </message>
    <message>
        <source>There is no active category &quot;%1&quot;.</source>
        <translation>There is no active category &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no customer &quot;%1&quot; in the archive.</source>
        <translation>There is no customer &quot;%1&quot; in the archive.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a ticket number nor a provisional reference.</source>
        <translation>&quot;%1&quot; is neither a ticket number nor a provisional reference.</translation>
    </message>
    <message>
        <source>The number &quot;%1&quot; belongs to another ticket.</source>
        <translation>The number &quot;%1&quot; belongs to another ticket.</translation>
    </message>
    <message>
        <source>You may not change %1.</source>
        <translation>You may not change %1.</translation>
    </message>
    <message>
        <source>A ticket&apos;s id must be a UUID.</source>
        <translation>A ticket&apos;s id must be a UUID.</translation>
    </message>
    <message>
        <source>A ticket with this id exists.</source>
        <translation>A ticket with this id exists.</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>A ticket needs a subject.</translation>
    </message>
    <message>
        <source>Field staff create tickets assigned to themselves.</source>
        <translation>Field staff create tickets assigned to themselves.</translation>
    </message>
    <message>
        <source>A call lasts between 0 s and 24 hours.</source>
        <translation>A call lasts between 0 s and 24 hours.</translation>
    </message>
    <message>
        <source>You cannot create a ticket you could not see.</source>
        <translation>You cannot create a ticket you could not see.</translation>
    </message>
    <message>
        <source>A closed ticket cannot be edited; reopen it first.</source>
        <translation>A closed ticket cannot be edited; reopen it first.</translation>
    </message>
    <message>
        <source>Field staff hand a ticket back with a transfer, not by editing it.</source>
        <translation>Field staff hand a ticket back with a transfer, not by editing it.</translation>
    </message>
    <message>
        <source>Only supervisors and admins set due times.</source>
        <translation>Only supervisors and admins set due times.</translation>
    </message>
    <message>
        <source>Only members of the ticket&apos;s group can accept it; transfer it to your group first.</source>
        <translation>Only members of the ticket&apos;s group can accept it; transfer it to your group first.</translation>
    </message>
    <message>
        <source>A ticket can only be merged into another open ticket.</source>
        <translation>A ticket can only be merged into another open ticket.</translation>
    </message>
    <message>
        <source>A transfer note needs an id.</source>
        <translation>A transfer note needs an id.</translation>
    </message>
    <message>
        <source>A comment&apos;s id must be a UUID.</source>
        <translation>A comment&apos;s id must be a UUID.</translation>
    </message>
    <message>
        <source>The comment is for another ticket.</source>
        <translation>The comment is for another ticket.</translation>
    </message>
    <message>
        <source>This ticket was merged into another; write on that one.</source>
        <translation>This ticket was merged into another; write on that one.</translation>
    </message>
    <message>
        <source>Write a reply or attach a file.</source>
        <translation>Write a reply or attach a file.</translation>
    </message>
    <message>
        <source>Choose another ticket you can see to link to.</source>
        <translation>Choose another ticket you can see to link to.</translation>
    </message>
</context>
<context>
    <name>TicketTransition</name>
    <message>
        <source>&quot;%1&quot; is not a ticket action.</source>
        <translation>&quot;%1&quot; is not a ticket action.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a customer answer.</source>
        <translation>&quot;%1&quot; is not a customer answer.</translation>
    </message>
    <message>
        <source>A satisfaction score is a whole number from 1 to 5.</source>
        <translation>A satisfaction score is a whole number from 1 to 5.</translation>
    </message>
    <message>
        <source>The customer&apos;s comment is longer than %1 characters.</source>
        <translation>The customer's comment is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>ViewFields</name>
    <message>
        <source>Unknown comparison &quot;%1&quot;.</source>
        <translation>Unknown comparison &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A view needs a name.</source>
        <translation>A view needs a name.</translation>
    </message>
    <message>
        <source>A view cannot be sorted by &quot;%1&quot;.</source>
        <translation>A view cannot be sorted by &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field a view can use.</source>
        <translation>&quot;%1&quot; is not a field a view can use.</translation>
    </message>
    <message>
        <source>The condition on &quot;%1&quot; does not fit the field (%2).</source>
        <translation>The condition on &quot;%1&quot; does not fit the field (%2).</translation>
    </message>
</context>
<context>
    <name>ViewRepository</name>
    <message>
        <source>Built-in views cannot be changed; copy one instead.</source>
        <translation>Built-in views cannot be changed; copy one instead.</translation>
    </message>
    <message>
        <source>The view no longer exists.</source>
        <translation>The view no longer exists.</translation>
    </message>
</context>
<context>
    <name>gongdan::AttachmentChip</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open with the system&apos;s application (or double-click)</source>
        <translation>Open with the system&apos;s application (or double-click)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Remove this file</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Drag out to copy the file; double-click to open it</source>
        <translation>Drag out to copy the file; double-click to open it</translation>
    </message>
    <message>
        <source>Not sent: the team server refused it</source>
        <translation>Not sent: the team server refused it</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>On the server · kept offline</source>
        <translation>On the server · kept offline</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>Not available offline</source>
        <translation>Not available offline</translation>
    </message>
    <message>
        <source>On the server · downloads when opened</source>
        <translation>On the server · downloads when opened</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be opened.</source>
        <translation>&quot;%1&quot; could not be opened.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be saved: %2</source>
        <translation>&quot;%1&quot; could not be saved: %2</translation>
    </message>
    <message>
        <source>Waiting to upload · %1% sent</source>
        <translation>Waiting to upload · %1% sent</translation>
    </message>
</context>
<context>
    <name>gongdan::AttachmentFieldEditor</name>
    <message>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>&quot;%1&quot; cannot be read: %2</translation>
    </message>
</context>
<context>
    <name>gongdan::AttachmentTransfer</name>
    <message>
        <source>Not available offline: this desk is not connected to the team server.</source>
        <translation>Not available offline: this desk is not connected to the team server.</translation>
    </message>
    <message>
        <source>The server stored different bytes than were sent.</source>
        <translation>The server stored different bytes than were sent.</translation>
    </message>
    <message>
        <source>The file is not on the team server yet: the desk that attached it has not sent it. Try again later.</source>
        <translation>The file is not on the team server yet: the desk that attached it has not sent it. Try again later.</translation>
    </message>
    <message>
        <source>Not available offline: the team server cannot be reached (%1).</source>
        <translation>Not available offline: the team server cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The server answered with an offset outside the file.</source>
        <translation>The server answered with an offset outside the file.</translation>
    </message>
</context>
<context>
    <name>gongdan::AttentionPanel</name>
    <message>
        <source>Creating this ticket</source>
        <translation>Creating this ticket</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 “%2”</translation>
    </message>
    <message>
        <source>Your edit: %1</source>
        <translation>Your edit: %1</translation>
    </message>
    <message>
        <source>Your action: %1</source>
        <translation>Your action: %1</translation>
    </message>
    <message>
        <source>Your reply: “%1”</source>
        <translation>Your reply: “%1”</translation>
    </message>
    <message>
        <source>Your link to another ticket</source>
        <translation>Your link to another ticket</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Your change</translation>
    </message>
    <message>
        <source>%1 — refused by the team server: %2</source>
        <translation>%1 — refused by the team server: %2</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>someone</translation>
    </message>
    <message>
        <source>transferred to %1 by %2</source>
        <translation>transferred to %1 by %2</translation>
    </message>
    <message>
        <source>given to %1 by %2</source>
        <translation>given to %1 by %2</translation>
    </message>
    <message>
        <source>moved by %1</source>
        <translation>moved by %1</translation>
    </message>
    <message>
        <source>Remove from my list</source>
        <translation>Remove from my list</translation>
    </message>
    <message>
        <source>This ticket left your sight: %1. What you see here is how it was; you can no longer change it.</source>
        <translation>This ticket left your sight: %1. What you see here is how it was; you can no longer change it.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Edit and resend</translation>
    </message>
    <message>
        <source>Discard the ticket</source>
        <translation>Discard the ticket</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Fix it below, then send it again — or discard it.</source>
        <translation>Fix it below, then send it again — or discard it.</translation>
    </message>
    <message>
        <source>the ticket left your sight before your change reached the team server.</source>
        <translation>the ticket left your sight before your change reached the team server.</translation>
    </message>
</context>
<context>
    <name>gongdan::CalendarEditor</name>
    <message>
        <source>The date %1 is listed twice.</source>
        <translation>The date %1 is listed twice.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Weekly hours, %1</source>
        <translation>Weekly hours, %1</translation>
    </message>
    <message>
        <source>Weekly hours, %1, interval %2</source>
        <translation>Weekly hours, %1, interval %2</translation>
    </message>
    <message>
        <source>Holidays, %1</source>
        <translation>Holidays, %1</translation>
    </message>
    <message>
        <source>Make-up workdays, %1</source>
        <translation>Make-up workdays, %1</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Time zone</translation>
    </message>
    <message>
        <source>Weekly hours (e.g. 09:00–12:00; an empty day is closed)</source>
        <translation>Weekly hours (e.g. 09:00–12:00; an empty day is closed)</translation>
    </message>
    <message>
        <source>Interval %1</source>
        <translation>Interval %1</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Weekly hours</translation>
    </message>
    <message>
        <source>Holidays (closed all day)</source>
        <translation>Holidays (closed all day)</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>Date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>Make-up workdays (调休) and special hours</source>
        <translation>Make-up workdays (调休) and special hours</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Make-up workdays</source>
        <translation>Make-up workdays</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>Add holiday</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Add workday</source>
        <translation>Add workday</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Due preview</source>
        <translation>Due preview</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>+ business minutes</source>
        <translation>+ business minutes</translation>
    </message>
    <message>
        <source>Preview start</source>
        <translation>Preview start</translation>
    </message>
    <message>
        <source>Business minutes</source>
        <translation>Business minutes</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>No preview: %1</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>Due %1 (%2)</translation>
    </message>
    <message>
        <source>Import a calendar</source>
        <translation>Import a calendar</translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>Export the calendar</translation>
    </message>
    <message>
        <source>Calendars (*.json)</source>
        <translation>Calendars (*.json)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a calendar file (JSON): %2</source>
        <translation>%1 is not a calendar file (JSON): %2</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;. Check it and save it.</source>
        <translation>Imported &quot;%1&quot;. Check it and save it.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
</context>
<context>
    <name>gongdan::CallPanel</name>
    <message>
        <source>Call %1</source>
        <translation>Call %1</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;number</source>
        <translation>Caller&apos;s &amp;number</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>Contact &amp;phone</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <source>Customer na&amp;me</source>
        <translation>Customer na&amp;me</translation>
    </message>
    <message>
        <source>N&amp;eed type</source>
        <translation>N&amp;eed type</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>e.g. 138 0013 8000</translation>
    </message>
    <message>
        <source>Empty: the first line of the description</source>
        <translation>Empty: the first line of the description</translation>
    </message>
    <message>
        <source>New customers are added to the archive</source>
        <translation>New customers are added to the archive</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Create ticket (Ctrl+Enter)</source>
        <translation>Create ticket (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Add to selected ticket (Ctrl+Shift+Enter)</source>
        <translation>Add to selected ticket (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;tickets (open first)</source>
        <translation>Customer&apos;s &amp;tickets (open first)</translation>
    </message>
    <message>
        <source>Customer&apos;s tickets</source>
        <translation>Customer&apos;s tickets</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Call %1:%2</source>
        <translation>Call %1:%2</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Call duration</translation>
    </message>
    <message>
        <source>No customer in the archive has this number. Enter a name to add them.</source>
        <translation>No customer in the archive has this number. Enter a name to add them.</translation>
    </message>
    <message>
        <source>Describe what the customer needs.</source>
        <translation>Describe what the customer needs.</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s number.</source>
        <translation>Enter the caller&apos;s number.</translation>
    </message>
    <message>
        <source>Choose one of the customer&apos;s tickets first.</source>
        <translation>Choose one of the customer&apos;s tickets first.</translation>
    </message>
    <message>
        <source>Phone call from %1 at %2, %3 min %4 s.</source>
        <translation>Phone call from %1 at %2, %3 min %4 s.</translation>
    </message>
    <message>
        <source>These notes could not be kept in case of a crash: %1</source>
        <translation>These notes could not be kept in case of a crash: %1</translation>
    </message>
    <message>
        <source>Your unsaved call notes from %1 were restored.</source>
        <translation>Your unsaved call notes from %1 were restored.</translation>
    </message>
    <message>
        <source>A phone number has only digits, spaces, + - and brackets.</source>
        <translation>A phone number has only digits, spaces, + - and brackets.</translation>
    </message>
    <message>
        <source>The caller&apos;s card shows here as you type their number.</source>
        <translation>The caller&apos;s card shows here as you type their number.</translation>
    </message>
</context>
<context>
    <name>gongdan::CategoryEditor</name>
    <message>
        <source>Add &amp;top-level category</source>
        <translation>Add &amp;top-level category</translation>
    </message>
    <message>
        <source>Add &amp;subcategory</source>
        <translation>Add &amp;subcategory</translation>
    </message>
    <message>
        <source>In use (offered on new tickets)</source>
        <translation>In use (offered on new tickets)</translation>
    </message>
    <message>
        <source>&amp;Save category</source>
        <translation>&amp;Save category</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>Under</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>Name (&amp;Chinese)</translation>
    </message>
    <message>
        <source>Name (&amp;English)</source>
        <translation>Name (&amp;English)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1 (retired)</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <source>A category needs a Chinese name.</source>
        <translation>A category needs a Chinese name.</translation>
    </message>
</context>
<context>
    <name>gongdan::ChoiceFieldEditor</name>
    <message>
        <source>%1, level %2</source>
        <translation>%1, level %2</translation>
    </message>
</context>
<context>
    <name>gongdan::ConditionRow</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Remove this condition</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>yyyy-MM-dd, or “now”</source>
        <translation>yyyy-MM-dd, or “now”</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>(choose…)</source>
        <translation>(choose…)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Choose at least one value for “%1”.</source>
        <translation>Choose at least one value for “%1”.</translation>
    </message>
    <message>
        <source>Enter a value for “%1”.</source>
        <translation>Enter a value for “%1”.</translation>
    </message>
    <message>
        <source>“%1” is not a date (yyyy-MM-dd) or “now”.</source>
        <translation>“%1” is not a date (yyyy-MM-dd) or “now”.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1” is not a number.</translation>
    </message>
</context>
<context>
    <name>gongdan::CustomerArchive</name>
    <message>
        <source>Save (Ctrl+S) or discard the changes to “%1” first.</source>
        <translation>Save (Ctrl+S) or discard the changes to “%1” first.</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Customer n&amp;umber</source>
        <translation>Customer n&amp;umber</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Phones</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Name, customer number or part of a phone number</source>
        <translation>Name, customer number or part of a phone number</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Search customers</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Several numbers separated by commas</source>
        <translation>Several numbers separated by commas</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 华东</source>
        <translation>Comma-separated, e.g. VIP, 华东</translation>
    </message>
    <message>
        <source>%1  %2 min %3 s  %4 from %5</source>
        <translation>%1  %2 min %3 s  %4 from %5</translation>
    </message>
    <message>
        <source>Tickets (%1)</source>
        <translation>Tickets (%1)</translation>
    </message>
    <message>
        <source>Calls (%1)</source>
        <translation>Calls (%1)</translation>
    </message>
    <message>
        <source>The customer&apos;s tickets</source>
        <translation>The customer&apos;s tickets</translation>
    </message>
    <message>
        <source>The customer&apos;s calls</source>
        <translation>The customer&apos;s calls</translation>
    </message>
    <message>
        <source>&amp;ID card</source>
        <translation>&amp;ID card</translation>
    </message>
    <message>
        <source>&amp;Bank card</source>
        <translation>&amp;Bank card</translation>
    </message>
</context>
<context>
    <name>gongdan::CustomerListModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>gongdan::DateTimeFieldEditor</name>
    <message>
        <source>Set %1</source>
        <translation>Set %1</translation>
    </message>
</context>
<context>
    <name>gongdan::DispatchEditor</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (off)</translation>
    </message>
    <message>
        <source>Say after how many minutes tickets overflow.</source>
        <translation>Say after how many minutes tickets overflow.</translation>
    </message>
    <message>
        <source>%1 has dispatch settings already: choose it in the list.</source>
        <translation>%1 has dispatch settings already: choose it in the list.</translation>
    </message>
    <message>
        <source>Supervisors change the settings of their own groups only.</source>
        <translation>Supervisors change the settings of their own groups only.</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <source>&amp;Strategy</source>
        <translation>&amp;Strategy</translation>
    </message>
    <message>
        <source>&amp;Capacity per agent</source>
        <translation>&amp;Capacity per agent</translation>
    </message>
    <message>
        <source>Statuses that count as load</source>
        <translation>Statuses that count as load</translation>
    </message>
    <message>
        <source>Offer waits for 确认接收</source>
        <translation>Offer waits for 确认接收</translation>
    </message>
    <message>
        <source>Missed offers before 离开</source>
        <translation>Missed offers before 离开</translation>
    </message>
    <message>
        <source>&amp;Overflow to group</source>
        <translation>&amp;Overflow to group</translation>
    </message>
    <message>
        <source>Overflow after (0: never)</source>
        <translation>Overflow after (0: never)</translation>
    </message>
    <message>
        <source>VIP waits for a senior agent</source>
        <translation>VIP waits for a senior agent</translation>
    </message>
    <message>
        <source>Required skills wait (0: always)</source>
        <translation>Required skills wait (0: always)</translation>
    </message>
    <message>
        <source>&amp;Dispatch this group&apos;s tickets automatically</source>
        <translation>&amp;Dispatch this group&apos;s tickets automatically</translation>
    </message>
    <message>
        <source>Least loaded (fewest open tickets)</source>
        <translation>Least loaded (fewest open tickets)</translation>
    </message>
    <message>
        <source>Least loaded by share of capacity</source>
        <translation>Least loaded by share of capacity</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Round robin</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>gongdan::EscalationEditor</name>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (off)</translation>
    </message>
    <message>
        <source>Any SLA policy</source>
        <translation>Any SLA policy</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>calendar</translation>
    </message>
    <message>
        <source>business</source>
        <translation>business</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Group lead</source>
        <translation>Group lead</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>Supervisors</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <source>(stays)</source>
        <translation>(stays)</translation>
    </message>
    <message>
        <source>Notify at once</source>
        <translation>Notify at once</translation>
    </message>
    <message>
        <source>In working hours</source>
        <translation>In working hours</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Choose whom this level tells.</source>
        <translation>Choose whom this level tells.</translation>
    </message>
    <message>
        <source>An escalation rule needs a name.</source>
        <translation>An escalation rule needs a name.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>SLA policy</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>whom to tell</source>
        <translation>whom to tell</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>counted in</source>
        <translation>counted in</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>quiet hours</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Level %1, %2</source>
        <translation>Level %1, %2</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <source>&amp;Clock</source>
        <translation>&amp;Clock</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>First response</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>Next response</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Acceptance of a dispatch offer (确认接收)</source>
        <translation>Acceptance of a dispatch offer (确认接收)</translation>
    </message>
    <message>
        <source>SLA &amp;policy</source>
        <translation>SLA &amp;policy</translation>
    </message>
    <message>
        <source>Levels: minutes relative to the due time (−15: a warning before it, 0: the breach, +30: later), in calendar or business minutes. Actions run at once; a notice &quot;in working hours&quot; waits for the calendar to open.</source>
        <translation>Levels: minutes relative to the due time (−15: a warning before it, 0: the breach, +30: later), in calendar or business minutes. Actions run at once; a notice &quot;in working hours&quot; waits for the calendar to open.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Minutes of</source>
        <translation>Minutes of</translation>
    </message>
    <message>
        <source>Tell</source>
        <translation>Tell</translation>
    </message>
    <message>
        <source>Priority to</source>
        <translation>Priority to</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Add &amp;level</source>
        <translation>Add &amp;level</translation>
    </message>
    <message>
        <source>&amp;Remove level</source>
        <translation>&amp;Remove level</translation>
    </message>
    <message>
        <source>once</source>
        <translation>once</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>repeat</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Repeat every</translation>
    </message>
</context>
<context>
    <name>gongdan::FieldDefinitionEditor</name>
    <message>
        <source>&amp;Add field</source>
        <translation>&amp;Add field</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>&amp;Save field</source>
        <translation>&amp;Save field</translation>
    </message>
    <message>
        <source>Required when saving</source>
        <translation>Required when saving</translation>
    </message>
    <message>
        <source>Required to close the ticket</source>
        <translation>Required to close the ticket</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Key</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>Label (&amp;Chinese)</source>
        <translation>Label (&amp;Chinese)</translation>
    </message>
    <message>
        <source>Label (&amp;English)</source>
        <translation>Label (&amp;English)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Mi&amp;nimum</source>
        <translation>Mi&amp;nimum</translation>
    </message>
    <message>
        <source>Ma&amp;ximum</source>
        <translation>Ma&amp;ximum</translation>
    </message>
    <message>
        <source>&amp;Digits after the point</source>
        <translation>&amp;Digits after the point</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation>&amp;Pattern</translation>
    </message>
    <message>
        <source>Message (Chinese)</source>
        <translation>Message (Chinese)</translation>
    </message>
    <message>
        <source>Message (English)</source>
        <translation>Message (English)</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Categories</translation>
    </message>
    <message>
        <source>lower case letters, digits and _, e.g. serial_no</source>
        <translation>lower case letters, digits and _, e.g. serial_no</translation>
    </message>
    <message>
        <source>One per line: value = 中文 | English; indent two spaces for a sub-option</source>
        <translation>One per line: value = 中文 | English; indent two spaces for a sub-option</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Plain text</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Web address</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <source>Only administrators change field definitions.</source>
        <translation>Only administrators change field definitions.</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <source>The minimum must be a whole number.</source>
        <translation>The minimum must be a whole number.</translation>
    </message>
    <message>
        <source>The maximum must be a whole number.</source>
        <translation>The maximum must be a whole number.</translation>
    </message>
    <message>
        <source>A field with the key “%1” exists already.</source>
        <translation>A field with the key “%1” exists already.</translation>
    </message>
    <message>
        <source>Editable by</source>
        <translation>Editable by</translation>
    </message>
    <message>
        <source>None ticked: every role may edit.</source>
        <translation>None ticked: every role may edit.</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Sensitive: masked (110***********1234) for all but supervisors and admins</source>
        <translation>Sensitive: masked (110***********1234) for all but supervisors and admins</translation>
    </message>
    <message>
        <source>Text fields only; cannot be changed once the field is created</source>
        <translation>Text fields only; cannot be changed once the field is created</translation>
    </message>
</context>
<context>
    <name>gongdan::MainWindow</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Gongdan</source>
        <translation>Gongdan</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Search number, subject, customer, phone or comment (Ctrl+F)</source>
        <translation>Search number, subject, customer, phone or comment (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Find tickets</source>
        <translation>&amp;Find tickets</translation>
    </message>
    <message>
        <source>Find tickets (%1)</source>
        <translation>Find tickets (%1)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Open view %1</source>
        <translation>Open view %1</translation>
    </message>
    <message>
        <source>Gongdan — %1</source>
        <translation>Gongdan — %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>&amp;Tickets</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>Bulk actions</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Assign to &amp;me</translation>
    </message>
    <message>
        <source>&amp;Assign to</source>
        <translation>&amp;Assign to</translation>
    </message>
    <message>
        <source>Set &amp;priority</source>
        <translation>Set &amp;priority</translation>
    </message>
    <message>
        <source>Change &amp;status</source>
        <translation>Change &amp;status</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tag to add to the selected tickets</source>
        <translation>Tag to add to the selected tickets</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>Select one or more tickets first.</source>
        <translation>Select one or more tickets first.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;New view…</source>
        <translation>&amp;New view…</translation>
    </message>
    <message>
        <source>&amp;Edit view…</source>
        <translation>&amp;Edit view…</translation>
    </message>
    <message>
        <source>New &amp;call</source>
        <translation>New &amp;call</translation>
    </message>
    <message>
        <source>&amp;New ticket</source>
        <translation>&amp;New ticket</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>&amp;Open ticket</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>Close &amp;tab</translation>
    </message>
    <message>
        <source>Back to the &amp;queue</source>
        <translation>Back to the &amp;queue</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>This view is disabled: it is not counted; edit it (Ctrl+E) to enable it.</source>
        <translation>This view is disabled: it is not counted; edit it (Ctrl+E) to enable it.</translation>
    </message>
    <message>
        <source>C&amp;ustomer archive</source>
        <translation>C&amp;ustomer archive</translation>
    </message>
    <message>
        <source>&amp;Settings and fields</source>
        <translation>&amp;Settings and fields</translation>
    </message>
    <message>
        <source>&amp;Last ticket</source>
        <translation>&amp;Last ticket</translation>
    </message>
    <message>
        <source>Supervisor &amp;dashboard</source>
        <translation>Supervisor &amp;dashboard</translation>
    </message>
</context>
<context>
    <name>gongdan::MaskedValueEdit</name>
    <message>
        <source>Shown in clear</source>
        <translation>Shown in clear</translation>
    </message>
    <message>
        <source>Show</source>
        <extracomment>Shows a masked ID card or bank card number in clear (the server records who looked).</extracomment>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show the full value; the server records that you looked</source>
        <translation>Show the full value; the server records that you looked</translation>
    </message>
    <message>
        <source>Masked once saved (e.g. 110***********1234)</source>
        <translation>Masked once saved (e.g. 110***********1234)</translation>
    </message>
    <message>
        <source>The server holds no value for this field.</source>
        <translation>The server holds no value for this field.</translation>
    </message>
    <message>
        <source>Shown for this view only; the server recorded that you looked</source>
        <translation>Shown for this view only; the server recorded that you looked</translation>
    </message>
</context>
<context>
    <name>gongdan::NotificationCentre</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Mark all read</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>No notifications.</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>No unread notifications</translation>
    </message>
    <message numerus="yes">
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>Notifications %1</source>
        <translation>Notifications %1</translation>
    </message>
    <message>
        <source>Do not disturb from</source>
        <translation>Do not disturb from</translation>
    </message>
    <message>
        <source>Do not disturb until</source>
        <translation>Do not disturb until</translation>
    </message>
    <message>
        <source>Open all unread</source>
        <translation>Open all unread</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message numerus="yes">
        <source>Clear all %n notification(s)? They are gone from your other desks too.</source>
        <translation>
            <numerusform>Clear %n notification? It is gone from your other desks too.</numerusform>
            <numerusform>Clear all %n notifications? They are gone from your other desks too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gongdan::NotificationListModel</name>
    <message>
        <source>Assigned to you</source>
        <translation>Assigned to you</translation>
    </message>
    <message>
        <source>Transferred to you</source>
        <translation>Transferred to you</translation>
    </message>
    <message>
        <source>Customer replied</source>
        <translation>Customer replied</translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation>SLA warning</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Mentioned you</source>
        <translation>Mentioned you</translation>
    </message>
    <message>
        <source>Offered to you</source>
        <translation>Offered to you</translation>
    </message>
    <message>
        <source>(late: fired after the server was down)</source>
        <translation>(late: fired after the server was down)</translation>
    </message>
    <message>
        <source>(level reached %1)</source>
        <translation>(level reached %1)</translation>
    </message>
    <message>
        <source>Low satisfaction: follow up</source>
        <translation>Low satisfaction: follow up</translation>
    </message>
</context>
<context>
    <name>gongdan::QueueSearch</name>
    <message>
        <source>This view</source>
        <translation>This view</translation>
    </message>
    <message>
        <source>All my tickets</source>
        <translation>All my tickets</translation>
    </message>
    <message>
        <source>Where the search looks: the view shown, or every ticket you may read</source>
        <translation>Where the search looks: the view shown, or every ticket you may read</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Search in</translation>
    </message>
    <message>
        <source>Search all my tickets</source>
        <translation>Search all my tickets</translation>
    </message>
    <message>
        <source>Searching every ticket you may read</source>
        <translation>Searching every ticket you may read</translation>
    </message>
    <message>
        <source>Searching in “%1”</source>
        <translation>Searching in “%1”</translation>
    </message>
    <message>
        <source>No tickets match “%1” in any ticket you may read.</source>
        <translation>No tickets match “%1” in any ticket you may read.</translation>
    </message>
    <message>
        <source>No tickets match “%1” in “%2”.</source>
        <translation>No tickets match “%1” in “%2”.</translation>
    </message>
</context>
<context>
    <name>gongdan::RecordListEditor</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Only admins, and supervisors for their own groups, may change these settings. You can read them.</source>
        <translation>Only admins, and supervisors for their own groups, may change these settings. You can read them.</translation>
    </message>
    <message>
        <source>Only admins may change these settings. You can read them.</source>
        <translation>Only admins may change these settings. You can read them.</translation>
    </message>
    <message>
        <source>Saved. Every desk uses it as soon as the server has it.</source>
        <translation>Saved. Every desk uses it as soon as the server has it.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gongdan::RelatedTickets</name>
    <message>
        <source>&amp;Link a related ticket:</source>
        <translation>&amp;Link a related ticket:</translation>
    </message>
    <message>
        <source>Ticket number, e.g. G20261205001</source>
        <translation>Ticket number, e.g. G20261205001</translation>
    </message>
    <message>
        <source>Number of the ticket to link</source>
        <translation>Number of the ticket to link</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Record the two tickets as related, on both</source>
        <translation>Record the two tickets as related, on both</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>a ticket you cannot see</source>
        <translation>a ticket you cannot see</translation>
    </message>
    <message>
        <source>Merged into:</source>
        <translation>Merged into:</translation>
    </message>
    <message>
        <source>Merged from:</source>
        <translation>Merged from:</translation>
    </message>
    <message>
        <source>Related:</source>
        <translation>Related:</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>No longer record these two tickets as related</source>
        <translation>No longer record these two tickets as related</translation>
    </message>
    <message>
        <source>No ticket you can see has the number %1.</source>
        <translation>No ticket you can see has the number %1.</translation>
    </message>
    <message>
        <source>%1 is already linked to this ticket.</source>
        <translation>%1 is already linked to this ticket.</translation>
    </message>
</context>
<context>
    <name>gongdan::SearchIndexer</name>
    <message>
        <source>Cannot read how far search indexing is.</source>
        <translation>Cannot read how far search indexing is.</translation>
    </message>
</context>
<context>
    <name>gongdan::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>Custom &amp;fields</source>
        <translation>Custom &amp;fields</translation>
    </message>
    <message>
        <source>Ca&amp;tegories</source>
        <translation>Ca&amp;tegories</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>The change applies at once to every open window.</source>
        <translation>The change applies at once to every open window.</translation>
    </message>
    <message>
        <source>Business &amp;calendars</source>
        <translation>Business &amp;calendars</translation>
    </message>
    <message>
        <source>S&amp;LA policies</source>
        <translation>S&amp;LA policies</translation>
    </message>
    <message>
        <source>&amp;Escalation</source>
        <translation>&amp;Escalation</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>&amp;Dispatch</translation>
    </message>
</context>
<context>
    <name>gongdan::SignInClient</name>
    <message>
        <source>The login or password is wrong.</source>
        <translation>The login or password is wrong.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again in %1 s.</source>
        <translation>Too many failed sign-ins; try again in %1 s.</translation>
    </message>
    <message>
        <source>This account is switched off; ask an admin.</source>
        <translation>This account is switched off; ask an admin.</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>Enter your login and password.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Cannot reach the server: %1</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
    <message>
        <source>The team server at %1 did not answer within %2 s.</source>
        <translation>The team server at %1 did not answer within %2 s.</translation>
    </message>
    <message>
        <source>The team server at %1 refused the connection: check the address and port, and that the server is running.</source>
        <translation>The team server at %1 refused the connection: check the address and port, and that the server is running.</translation>
    </message>
    <message>
        <source>No server called %1 was found: check the address.</source>
        <translation>No server called %1 was found: check the address.</translation>
    </message>
    <message>
        <source>The team server at %1 closed the connection without answering.</source>
        <translation>The team server at %1 closed the connection without answering.</translation>
    </message>
    <message>
        <source>No secure connection to the team server at %1: %2</source>
        <translation>No secure connection to the team server at %1: %2</translation>
    </message>
    <message>
        <source>Too many sign-in attempts from this computer&apos;s address; try again in %1 s.</source>
        <translation>Too many sign-in attempts from this computer&apos;s address; try again in %1 s.</translation>
    </message>
    <message>
        <source>The team server takes no more sign-in attempts just now; try again in %1 s.</source>
        <translation>The team server takes no more sign-in attempts just now; try again in %1 s.</translation>
    </message>
    <message>
        <source>The team server is busy checking other sign-ins; try again in a moment.</source>
        <translation>The team server is busy checking other sign-ins; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>gongdan::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Remember me on this computer</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Sign in to the team server</source>
        <translation>Sign in to the team server</translation>
    </message>
    <message>
        <source>Keeps the sign-in in the system keychain, never in a file.</source>
        <translation>Keeps the sign-in in the system keychain, never in a file.</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as http://gongdan.example:8734.</source>
        <translation>Enter the server&apos;s address, such as http://gongdan.example:8734.</translation>
    </message>
</context>
<context>
    <name>gongdan::SlaLabel</name>
    <message>
        <source>SLA paused while the customer is asked</source>
        <translation>SLA paused while the customer is asked</translation>
    </message>
    <message>
        <source>Reply likely overdue by %1 (offline estimate)</source>
        <translation>Reply likely overdue by %1 (offline estimate)</translation>
    </message>
    <message>
        <source>Reply overdue by %1</source>
        <translation>Reply overdue by %1</translation>
    </message>
    <message>
        <source>Likely overdue by %1 (offline estimate)</source>
        <translation>Likely overdue by %1 (offline estimate)</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>Overdue by %1</translation>
    </message>
    <message>
        <source>Reply due in %1</source>
        <translation>Reply due in %1</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>Due in %1</translation>
    </message>
    <message>
        <source>Reply due %1; resolution due %2</source>
        <translation>Reply due %1; resolution due %2</translation>
    </message>
    <message>
        <source>Resolution due %1</source>
        <translation>Resolution due %1</translation>
    </message>
</context>
<context>
    <name>gongdan::SlaPolicyEditor</name>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (off)</translation>
    </message>
    <message>
        <source>Around the clock (24/7)</source>
        <translation>Around the clock (24/7)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Condition %1</source>
        <translation>Condition %1</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendar</translation>
    </message>
    <message>
        <source>Applies to tickets that match (the first enabled policy in the list wins)</source>
        <translation>Applies to tickets that match (the first enabled policy in the list wins)</translation>
    </message>
    <message>
        <source>All conditions (and)</source>
        <translation>All conditions (and)</translation>
    </message>
    <message>
        <source>Any condition (or)</source>
        <translation>Any condition (or)</translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation>&amp;Add condition</translation>
    </message>
    <message>
        <source>Targets in business minutes (0: no clock)</source>
        <translation>Targets in business minutes (0: no clock)</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>First response</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>Next response</translation>
    </message>
    <message>
        <source>Accept within</source>
        <translation>Accept within</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>&amp;Yellow from</source>
        <translation>&amp;Yellow from</translation>
    </message>
    <message>
        <source>Yellow from this share of the target</source>
        <translation>Yellow from this share of the target</translation>
    </message>
    <message>
        <source>… or minutes before due</source>
        <translation>… or minutes before due</translation>
    </message>
    <message>
        <source>Yellow from this many minutes before the due time</source>
        <translation>Yellow from this many minutes before the due time</translation>
    </message>
    <message>
        <source>What each status does to the clocks</source>
        <translation>What each status does to the clocks</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>Clocks</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Pause (the first response runs on)</source>
        <translation>Pause (the first response runs on)</translation>
    </message>
    <message>
        <source>The first response pauses too</source>
        <translation>The first response pauses too</translation>
    </message>
    <message>
        <source>No conditions: the policy applies to every ticket.</source>
        <translation>No conditions: the policy applies to every ticket.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>Paused clocks add no time; closed, spam and merged tickets stop them, and the resolution clock resumes when a ticket is reopened.</source>
        <translation>Paused clocks add no time; closed, spam and merged tickets stop them, and the resolution clock resumes when a ticket is reopened.</translation>
    </message>
</context>
<context>
    <name>gongdan::SyncController</name>
    <message>
        <source>&amp;Sign in to the team server…</source>
        <translation>&amp;Sign in to the team server…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message numerus="yes">
        <source>Not connected · %n change(s) waiting to sync</source>
        <translation>
            <numerusform>Not connected · %n change waiting to sync</numerusform>
            <numerusform>Not connected · %n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working offline: not signed in to the team server. %n change(s) will be sent once you sign in.</source>
        <translation>
            <numerusform>Working offline: not signed in to the team server. %n change will be sent once you sign in.</numerusform>
            <numerusform>Working offline: not signed in to the team server. %n changes will be sent once you sign in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing · %n change(s) waiting</source>
        <translation>
            <numerusform>Syncing · %n change waiting</numerusform>
            <numerusform>Syncing · %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>In step with the server · %1</source>
        <translation>In step with the server · %1</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Offline · %n change waiting</numerusform>
            <numerusform>Offline · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team server cannot be reached (%1). You can keep working; %n change(s) will be sent when it is back.</source>
        <translation>
            <numerusform>The team server cannot be reached (%1). You can keep working; %n change will be sent when it is back.</numerusform>
            <numerusform>The team server cannot be reached (%1). You can keep working; %n changes will be sent when it is back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message numerus="yes">
        <source>Signed out · %n change(s) waiting</source>
        <translation>
            <numerusform>Signed out · %n change waiting</numerusform>
            <numerusform>Signed out · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server ended this sign-in (%1). Sign in again to send %n waiting change(s).</source>
        <translation>
            <numerusform>The server ended this sign-in (%1). Sign in again to send %n waiting change.</numerusform>
            <numerusform>The server ended this sign-in (%1). Sign in again to send %n waiting changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync problem · %n change(s) waiting</source>
        <translation>
            <numerusform>Sync problem · %n change waiting</numerusform>
            <numerusform>Sync problem · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused to sync (%1); retrying. Your %n change(s) are kept.</source>
        <translation>
            <numerusform>The server refused to sync (%1); retrying. Your %n change are kept.</numerusform>
            <numerusform>The server refused to sync (%1); retrying. Your %n changes are kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Working offline: not signed in to the team server. What you change stays on this computer until you sign in.</source>
        <translation>Working offline: not signed in to the team server. What you change stays on this computer until you sign in.</translation>
    </message>
    <message>
        <source>The team server cannot be reached (%1). You can keep working; changes will be sent when it is back.</source>
        <translation>The team server cannot be reached (%1). You can keep working; changes will be sent when it is back.</translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation>First sync progress</translation>
    </message>
    <message>
        <source>Loading tickets: %v of %m</source>
        <extracomment>%v and %m are numbers of tickets: &quot;1,500 of 100,000&quot;</extracomment>
        <translation>Loading tickets: %v of %m</translation>
    </message>
    <message>
        <source>Search indexing progress</source>
        <translation>Search indexing progress</translation>
    </message>
    <message>
        <source>Preparing search: %p%</source>
        <extracomment>The queue is usable; search finds more as this goes on. %p is a percentage.</extracomment>
        <translation>Preparing search: %p%</translation>
    </message>
    <message>
        <source>Conversation loading progress</source>
        <translation>Conversation loading progress</translation>
    </message>
    <message>
        <source>Loading conversations: %p%</source>
        <extracomment>Every ticket is in the queue; their comments are still arriving. %p is a percentage.</extracomment>
        <translation>Loading conversations: %p%</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of another user wait for them to sign in here</source>
        <translation>
            <numerusform>%n change of another user waits for them to sign in here</numerusform>
            <numerusform>%n changes of another user wait for them to sign in here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n need(s) attention</source>
        <translation>
            <numerusform>⚠ %n needs attention</numerusform>
            <numerusform>⚠ %n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes the team server refused, and tickets that left your sight: show them</source>
        <translation>Changes the team server refused, and tickets that left your sight: show them</translation>
    </message>
</context>
<context>
    <name>gongdan::SyncEngine</name>
    <message>
        <source>The team server does not answer.</source>
        <translation>The team server does not answer.</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketComposer</name>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Reply to customer</source>
        <translation>Reply to customer</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Write a reply or an internal note; Ctrl+Enter sends</source>
        <translation>Write a reply or an internal note; Ctrl+Enter sends</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>Attach files to this reply</source>
        <translation>Attach files to this reply</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Send (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Attached: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>&quot;%1&quot; cannot be read: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read.</source>
        <translation>&quot;%1&quot; cannot be read.</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketDetails</name>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Need type</source>
        <translation>&amp;Need type</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>C&amp;ontact</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>G&amp;roup</source>
        <translation>G&amp;roup</translation>
    </message>
    <message>
        <source>Ass&amp;ignee</source>
        <translation>Ass&amp;ignee</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 华东</source>
        <translation>Comma-separated, e.g. VIP, 华东</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>Enter a subject.</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketEditor</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Store the edited fields (%1)</source>
        <translation>Store the edited fields (%1)</translation>
    </message>
    <message>
        <source>Discard my edits</source>
        <translation>Discard my edits</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>This ticket no longer exists in the local store.</source>
        <translation>This ticket no longer exists in the local store.</translation>
    </message>
    <message>
        <source>(not numbered yet)</source>
        <translation>(not numbered yet)</translation>
    </message>
    <message>
        <source>No ticket has that number.</source>
        <translation>No ticket has that number.</translation>
    </message>
    <message>
        <source>Your unsaved edits from %1 were restored. Save them, or discard them.</source>
        <translation>Your unsaved edits from %1 were restored. Save them, or discard them.</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <source>Two people changed %1 at the same time: it is now “%2”; “%3” was replaced.</source>
        <translation>Two people changed %1 at the same time: it is now “%2”; “%3” was replaced.</translation>
    </message>
    <message>
        <source>This ticket&apos;s conversation is still arriving from the team server (first sync); it appears here by itself.</source>
        <translation>This ticket&apos;s conversation is still arriving from the team server (first sync); it appears here by itself.</translation>
    </message>
    <message>
        <source>Your refused edit is back in the fields: change what was refused, then save (Ctrl+S).</source>
        <translation>Your refused edit is back in the fields: change what was refused, then save (Ctrl+S).</translation>
    </message>
    <message>
        <source>Satisfaction %1/5</source>
        <translation>Satisfaction %1/5</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketForm</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show the full value; the server records that you looked</source>
        <translation>Show the full value; the server records that you looked</translation>
    </message>
    <message>
        <source>Shown for this view only; the server recorded that you looked</source>
        <translation>Shown for this view only; the server recorded that you looked</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketQueueModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>-%1</source>
        <comment>overdue by</comment>
        <translation>-%1</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Someone else moved this ticket out of your sight; open it to see where it went.</source>
        <translation>Someone else moved this ticket out of your sight; open it to see where it went.</translation>
    </message>
    <message>
        <source>The server refused a change of yours; open the ticket to fix and resend it, or discard it.</source>
        <translation>The server refused a change of yours; open the ticket to fix and resend it, or discard it.</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>%1 · refused</source>
        <translation>%1 · refused</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Reply %1</source>
        <comment>time left to the customer&apos;s reply is due</comment>
        <translation>Reply %1</translation>
    </message>
    <message>
        <source>Offered to you by automatic dispatch: accept it before %1, or it goes to someone else.</source>
        <translation>Offered to you by automatic dispatch: accept it before %1, or it goes to someone else.</translation>
    </message>
    <message>
        <source>%1 · offered, %2 to accept</source>
        <translation>%1 · offered, %2 to accept</translation>
    </message>
    <message>
        <source>%1 · offer ran out</source>
        <translation>%1 · offer ran out</translation>
    </message>
</context>
<context>
    <name>gongdan::TimelineModel</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 · %2 · internal note</source>
        <translation>%1 · %2 · internal note</translation>
    </message>
    <message>
        <source>%1 · %2 · reply to customer</source>
        <translation>%1 · %2 · reply to customer</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 created ticket %2</source>
        <translation>%1 created ticket %2</translation>
    </message>
    <message>
        <source>Phone call at %1, %2 min %3 s</source>
        <translation>Phone call at %1, %2 min %3 s</translation>
    </message>
    <message>
        <source>%1: %2 (%3 → %4)</source>
        <translation>%1: %2 (%3 → %4)</translation>
    </message>
    <message>
        <source>%1 noted: %2</source>
        <translation>%1 noted: %2</translation>
    </message>
    <message>
        <source>%1 recorded the solution: %2</source>
        <translation>%1 recorded the solution: %2</translation>
    </message>
    <message>
        <source>%1 set %2 to %3</source>
        <translation>%1 set %2 to %3</translation>
    </message>
    <message>
        <source>%1 cleared %2 (was %3)</source>
        <translation>%1 cleared %2 (was %3)</translation>
    </message>
    <message>
        <source>%1 changed %2: %3 → %4</source>
        <translation>%1 changed %2: %3 → %4</translation>
    </message>
    <message>
        <source>Not sent: the team server refused it.</source>
        <translation>Not sent: the team server refused it.</translation>
    </message>
    <message>
        <source>%1 — refused by the team server, not done</source>
        <translation>%1 — refused by the team server, not done</translation>
    </message>
    <message>
        <source>%1 unlinked ticket %2</source>
        <translation>%1 unlinked ticket %2</translation>
    </message>
    <message>
        <source>%1 linked ticket %2 as related</source>
        <translation>%1 linked ticket %2 as related</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 changed tags: added %2, removed %3</source>
        <translation>%1 changed tags: added %2, removed %3</translation>
    </message>
    <message>
        <source>%1 removed tags: %2</source>
        <translation>%1 removed tags: %2</translation>
    </message>
    <message>
        <source>%1 added tags: %2</source>
        <translation>%1 added tags: %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>%1 merged ticket %2 into this one (its conversation is below)</source>
        <translation>%1 merged ticket %2 into this one (its conversation is below)</translation>
    </message>
    <message>
        <source>%1 merged this ticket into %2</source>
        <translation>%1 merged this ticket into %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Automatic dispatch took the offer back: %1</source>
        <translation>Automatic dispatch took the offer back: %1</translation>
    </message>
    <message>
        <source>Automatic dispatch moved the ticket on: %1</source>
        <translation>Automatic dispatch moved the ticket on: %1</translation>
    </message>
    <message>
        <source>Automatic dispatch: %1</source>
        <translation>Automatic dispatch: %1</translation>
    </message>
    <message>
        <source>%1 recorded the customer&apos;s satisfaction: %2 of 5</source>
        <translation>%1 recorded the customer's satisfaction: %2 of 5</translation>
    </message>
    <message>
        <source>%1 recorded the customer&apos;s satisfaction again: %2 of 5 (was %3)</source>
        <translation>%1 recorded the customer's satisfaction again: %2 of 5 (was %3)</translation>
    </message>
    <message>
        <source>The customer said: %1</source>
        <translation>The customer said: %1</translation>
    </message>
</context>
<context>
    <name>gongdan::TransitionPanel</name>
    <message>
        <source>&amp;Solution</source>
        <translation>&amp;Solution</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;answer</source>
        <translation>Customer&apos;s &amp;answer</translation>
    </message>
    <message>
        <source>To &amp;group</source>
        <translation>To &amp;group</translation>
    </message>
    <message>
        <source>&amp;Note for the group</source>
        <translation>&amp;Note for the group</translation>
    </message>
    <message>
        <source>&amp;Merge into ticket</source>
        <translation>&amp;Merge into ticket</translation>
    </message>
    <message>
        <source>Ticket number, e.g. G20231001001</source>
        <translation>Ticket number, e.g. G20231001001</translation>
    </message>
    <message>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>Confirm (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Not satisfied: follow up</source>
        <translation>Not satisfied: follow up</translation>
    </message>
    <message>
        <source>Satisfaction &amp;score</source>
        <translation>Satisfaction &amp;score</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;comment</source>
        <translation>Customer's &amp;comment</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>(not asked)</translation>
    </message>
    <message>
        <source>5 – very satisfied</source>
        <translation>5 – very satisfied</translation>
    </message>
    <message>
        <source>4 – satisfied</source>
        <translation>4 – satisfied</translation>
    </message>
    <message>
        <source>3 – neutral</source>
        <translation>3 – neutral</translation>
    </message>
    <message>
        <source>2 – dissatisfied: follow up</source>
        <translation>2 – dissatisfied: follow up</translation>
    </message>
    <message>
        <source>1 – very dissatisfied: follow up</source>
        <translation>1 – very dissatisfied: follow up</translation>
    </message>
</context>
<context>
    <name>gongdan::Unmasker</name>
    <message>
        <source>Not connected to the server: the value can only be shown online.</source>
        <translation>Not connected to the server: the value can only be shown online.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the value can only be shown online.</source>
        <translation>The server cannot be reached: the value can only be shown online.</translation>
    </message>
    <message>
        <source>Your role may not see this value in clear.</source>
        <translation>Your role may not see this value in clear.</translation>
    </message>
    <message>
        <source>Sign in again to see this value.</source>
        <translation>Sign in again to see this value.</translation>
    </message>
    <message>
        <source>The server does not have this record yet; try again after the next sync.</source>
        <translation>The server does not have this record yet; try again after the next sync.</translation>
    </message>
    <message>
        <source>The server did not show the value (%1).</source>
        <translation>The server did not show the value (%1).</translation>
    </message>
</context>
<context>
    <name>gongdan::ViewEditorDialog</name>
    <message>
        <source>All conditions (and)</source>
        <translation>All conditions (and)</translation>
    </message>
    <message>
        <source>Any condition (or)</source>
        <translation>Any condition (or)</translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation>&amp;Add condition</translation>
    </message>
    <message>
        <source>&amp;Newest / largest first</source>
        <translation>&amp;Newest / largest first</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>&amp;Delete view</translation>
    </message>
    <message>
        <source>New view</source>
        <translation>New view</translation>
    </message>
    <message>
        <source>Edit view “%1”</source>
        <translation>Edit view “%1”</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>Name (&amp;Chinese)</translation>
    </message>
    <message>
        <source>Name (E&amp;nglish)</source>
        <translation>Name (E&amp;nglish)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Show tickets matching:</source>
        <translation>Show tickets matching:</translation>
    </message>
    <message>
        <source>Co&amp;lumns</source>
        <translation>Co&amp;lumns</translation>
    </message>
    <message>
        <source>S&amp;ort by</source>
        <translation>S&amp;ort by</translation>
    </message>
    <message>
        <source>Only supervisors and administrators share views with the team.</source>
        <translation>Only supervisors and administrators share views with the team.</translation>
    </message>
    <message>
        <source>Choose at least one column to show.</source>
        <translation>Choose at least one column to show.</translation>
    </message>
    <message>
        <source>Press again to delete</source>
        <translation>Press again to delete</translation>
    </message>
    <message>
        <source>Deleting “%1” removes it for everyone who sees it.</source>
        <translation>Deleting “%1” removes it for everyone who sees it.</translation>
    </message>
    <message>
        <source>S&amp;hared</source>
        <translation>S&amp;hared</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Share with</translation>
    </message>
    <message>
        <source>with the whole team</source>
        <translation>with the whole team</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>with %1</translation>
    </message>
    <message>
        <source>The team server did not accept the last change: %1</source>
        <translation>The team server did not accept the last change: %1</translation>
    </message>
</context>
<context>
    <name>gongdan::ViewListModel</name>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1, %n ticket</numerusform>
            <numerusform>%1, %n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message>
        <source>%1 (not accepted)</source>
        <translation>%1 (not accepted)</translation>
    </message>
</context>
<context>
    <name>gongdan::WorkTabs</name>
    <message>
        <source>“%1” has changes that are not saved.</source>
        <translation>“%1” has changes that are not saved.</translation>
    </message>
    <message>
        <source>Some open tickets or calls have changes that are not saved.</source>
        <translation>Some open tickets or calls have changes that are not saved.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Save them, discard them, or go back to them?</source>
        <translation>Save them, discard them, or go back to them?</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Local store damaged</source>
        <translation>Local store damaged</translation>
    </message>
    <message>
        <source>Rebuild it now?</source>
        <translation>Rebuild it now?</translation>
    </message>
    <message>
        <source>Rebuild failed</source>
        <translation>Rebuild failed</translation>
    </message>
    <message>
        <source>Cannot open the local store</source>
        <translation>Cannot open the local store</translation>
    </message>
    <message>
        <source>Local agent</source>
        <translation>Local agent</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Already open</translation>
    </message>
    <message>
        <source>This local store is open in another Gongdan window. Use that window, or close it first.</source>
        <translation>This local store is open in another Gongdan window. Use that window, or close it first.</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Away</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Dispatch settings belong to a group.</source>
        <translation>Dispatch settings belong to a group.</translation>
    </message>
    <message>
        <source>The strategy is least_loaded, least_loaded_pct or round_robin.</source>
        <translation>The strategy is least_loaded, least_loaded_pct or round_robin.</translation>
    </message>
    <message>
        <source>This must be a whole number of at least 1.</source>
        <translation>This must be a whole number of at least 1.</translation>
    </message>
    <message>
        <source>This must be a whole number of at least 0.</source>
        <translation>This must be a whole number of at least 0.</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>Unknown status.</translation>
    </message>
    <message>
        <source>A group cannot overflow into itself.</source>
        <translation>A group cannot overflow into itself.</translation>
    </message>
    <message>
        <source>A required skill has a name and a level of at least 1.</source>
        <translation>A required skill has a name and a level of at least 1.</translation>
    </message>
    <message numerus="yes">
        <source>skill %1</source>
        <translation>
            <numerusform>skill %1</numerusform>
            <numerusform>skills %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for a senior agent in %1 (any agent after %n min)</source>
        <translation>
            <numerusform>waiting for a senior agent in %1 (any agent after %n min)</numerusform>
            <numerusform>waiting for a senior agent in %1 (any agent after %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting in %1: nobody with %2 has room</source>
        <translation>waiting in %1: nobody with %2 has room</translation>
    </message>
    <message>
        <source>waiting in %1: nobody online has room</source>
        <translation>waiting in %1: nobody online has room</translation>
    </message>
    <message numerus="yes">
        <source>offer to %1 not accepted within %n min; back in the queue of %2</source>
        <translation>
            <numerusform>offer to %1 not accepted within %n min</numerusform>
            <numerusform> back in the queue of %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %1 missed %n offers in a row and is now away</source>
        <translation>
            <numerusform></numerusform>
            <numerusform> %1 missed %n offers in a row and is now away</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer online; back in the queue of %2</source>
        <translation>%1 is no longer online; back in the queue of %2</translation>
    </message>
    <message numerus="yes">
        <source>waited %n min in %1; moved to %2</source>
        <translation>
            <numerusform>waited %n min in %1</numerusform>
            <numerusform> moved to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>least loaded %1 (%2 % free) in %3</source>
        <translation>least loaded %1 (%2 % free) in %3</translation>
    </message>
    <message>
        <source>next in turn in %1, load %2</source>
        <translation>next in turn in %1, load %2</translation>
    </message>
    <message>
        <source>least loaded %1 in %2</source>
        <translation>least loaded %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>, nobody with %1 had room for %n min</source>
        <translation>
            <numerusform>, nobody with %1 had room for %n min</numerusform>
            <numerusform>, nobody with %1 had room for %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, no senior agent had room for %n min</source>
        <translation>
            <numerusform>, no senior agent had room for %n min</numerusform>
            <numerusform>, no senior agent had room for %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>, senior agent for a VIP customer</source>
        <translation>, senior agent for a VIP customer</translation>
    </message>
    <message>
        <source>assigned to %1: %2</source>
        <translation>assigned to %1: %2</translation>
    </message>
</context>
<context>
    <name>gongdan::OfferBanner</name>
    <message>
        <source>New ticket offered to you: %1 %2</source>
        <translation>New ticket offered to you: %1 %2</translation>
    </message>
    <message>
        <source>Offered to you: %1 %2 — accept within %3:%4</source>
        <translation>Offered to you: %1 %2 — accept within %3:%4</translation>
    </message>
    <message>
        <source>Offered to you: %1 %2 — the time to accept ran out; it goes to the next agent</source>
        <translation>Offered to you: %1 %2 — the time to accept ran out; it goes to the next agent</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <translation>
            <numerusform>(%n more waiting)</numerusform>
            <numerusform>(%n more waiting)</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>gongdan::PresenceClient</name>
    <message>
        <source>The server cannot be reached: your status is sent when you are online again.</source>
        <translation>The server cannot be reached: your status is sent when you are online again.</translation>
    </message>
    <message>
        <source>The server did not take your status (%1).</source>
        <translation>The server did not take your status (%1).</translation>
    </message>
</context>
<context>
    <name>gongdan::PresenceCombo</name>
    <message>
        <source>Your status for automatic dispatch, as the server has it. Only online agents get tickets offered.</source>
        <translation>Your status for automatic dispatch, as the server has it. Only online agents get tickets offered.</translation>
    </message>
    <message>
        <source>Your status for automatic dispatch; sent to the server when you are online.</source>
        <translation>Your status for automatic dispatch; sent to the server when you are online.</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Presence</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardModel</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Waiting to be accepted</source>
        <translation>Waiting to be accepted</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA at risk</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <source>Created today</source>
        <translation>Created today</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>waiting for the server</translation>
    </message>
    <message numerus="yes">
        <source>updated %n s ago</source>
        <translation>
            <numerusform>updated %n s ago</numerusform>
            <numerusform>updated %n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>updated %n min ago</source>
        <translation>
            <numerusform>updated %n min ago</numerusform>
            <numerusform>updated %n min ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Show these tickets in the queue</source>
        <translation>Show these tickets in the queue</translation>
    </message>
    <message>
        <source>Satisfaction today</source>
        <translation>Satisfaction today</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 % scored 4 or 5. Show these tickets in the queue, the lowest scores first.</source>
        <translation>%1 % scored 4 or 5. Show these tickets in the queue, the lowest scores first.</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardAgentModel</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Presence</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>Handled today</source>
        <translation>Handled today</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardFeed</name>
    <message>
        <source>The dashboard is for supervisors and admins.</source>
        <translation>The dashboard is for supervisors and admins.</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardWindow</name>
    <message>
        <source>Gongdan — Supervisor dashboard</source>
        <translation>Gongdan — Supervisor dashboard</translation>
    </message>
    <message>
        <source>Supervisor dashboard</source>
        <translation>Supervisor dashboard</translation>
    </message>
    <message>
        <source>Data out of date</source>
        <translation>Data out of date</translation>
    </message>
    <message>
        <source>Wait &amp;red after (min):</source>
        <translation>Wait &amp;red after (min):</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>All my groups</source>
        <translation>All my groups</translation>
    </message>
    <message>
        <source>Top problems today</source>
        <translation>Top problems today</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>%1. %2 (%3)</source>
        <translation>%1. %2 (%3)</translation>
    </message>
    <message>
        <source>Show these tickets in the queue</source>
        <translation>Show these tickets in the queue</translation>
    </message>
</context>
<context>
    <name>gongdan::StatusChart</name>
    <message>
        <source>Open tickets by status and group</source>
        <translation>Open tickets by status and group</translation>
    </message>
</context>
<context>
    <name>ReportDefinition</name>
    <message>
        <source>A period is last_days, this_month, last_month or range.</source>
        <translation>A period is last_days, this_month, last_month or range.</translation>
    </message>
    <message>
        <source>The last days are a number from 1 to %1.</source>
        <translation>The last days are a number from 1 to %1.</translation>
    </message>
    <message>
        <source>The period's first day is a date (YYYY-MM-DD).</source>
        <translation>The period's first day is a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>The period's last day is a date on or after its first day.</source>
        <translation>The period's last day is a date on or after its first day.</translation>
    </message>
    <message>
        <source>A report matches all or any of its conditions, not both.</source>
        <translation>A report matches all or any of its conditions, not both.</translation>
    </message>
    <message>
        <source>The conditions are given as {"all": [...]} or {"any": [...]}.</source>
        <translation>The conditions are given as {"all": [...]} or {"any": [...]}.</translation>
    </message>
    <message>
        <source>The conditions are a list.</source>
        <translation>The conditions are a list.</translation>
    </message>
    <message>
        <source>Each condition names a ticket field (status, priority, tags, …), customer_level or region.</source>
        <translation>Each condition names a ticket field (status, priority, tags, …), customer_level or region.</translation>
    </message>
    <message>
        <source>The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, after, at_least, at_most.</source>
        <translation>The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, after, at_least, at_most.</translation>
    </message>
    <message>
        <source>A report needs a name (at most 200 characters).</source>
        <translation>A report needs a name (at most 200 characters).</translation>
    </message>
    <message>
        <source>A report groups its rows by group, agent, category, need_type, priority, channel, customer_level, region, tag, day, week or month.</source>
        <translation>A report groups its rows by group, agent, category, need_type, priority, channel, customer_level, region, tag, day, week or month.</translation>
    </message>
    <message>
        <source>A report counts at least one measure.</source>
        <translation>A report counts at least one measure.</translation>
    </message>
    <message>
        <source>Unknown measure "%1".</source>
        <translation>Unknown measure "%1".</translation>
    </message>
    <message>
        <source>Each measure is counted once.</source>
        <translation>Each measure is counted once.</translation>
    </message>
    <message>
        <source>Per-department efficiency</source>
        <translation>Per-department efficiency</translation>
    </message>
    <message>
        <source>Satisfaction per ticket type</source>
        <translation>Satisfaction per ticket type</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Need type</source>
        <translation>Need type</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Customer level</source>
        <translation>Customer level</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>First response, avg (min)</source>
        <translation>First response, avg (min)</translation>
    </message>
    <message>
        <source>First response, median (min)</source>
        <translation>First response, median (min)</translation>
    </message>
    <message>
        <source>Resolution, avg (min)</source>
        <translation>Resolution, avg (min)</translation>
    </message>
    <message>
        <source>Resolution, median (min)</source>
        <translation>Resolution, median (min)</translation>
    </message>
    <message>
        <source>Hours to close, avg</source>
        <translation>Hours to close, avg</translation>
    </message>
    <message>
        <source>SLA attainment</source>
        <translation>SLA attainment</translation>
    </message>
    <message>
        <source>Reopen rate (7 days)</source>
        <translation>Reopen rate (7 days)</translation>
    </message>
    <message>
        <source>One-touch rate</source>
        <translation>One-touch rate</translation>
    </message>
    <message>
        <source>Satisfaction, avg (1-5)</source>
        <translation>Satisfaction, avg (1-5)</translation>
    </message>
    <message>
        <source>Satisfaction scores</source>
        <translation>Satisfaction scores</translation>
    </message>
    <message>
        <source>The server's answer is not a report.</source>
        <translation>The server's answer is not a report.</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportClient</name>
    <message>
        <source>Not connected to the server: reports are run on the server.</source>
        <translation>Not connected to the server: reports are run on the server.</translation>
    </message>
    <message>
        <source>The server's answer broke off; run the report again.</source>
        <translation>The server's answer broke off; run the report again.</translation>
    </message>
    <message>
        <source>The server cannot be reached: reports are run on the server.</source>
        <translation>The server cannot be reached: reports are run on the server.</translation>
    </message>
    <message>
        <source>Reports are for supervisors and admins.</source>
        <translation>Reports are for supervisors and admins.</translation>
    </message>
    <message>
        <source>Sign in again to run reports.</source>
        <translation>Sign in again to run reports.</translation>
    </message>
    <message>
        <source>The server refused the report: %1 (%2)</source>
        <translation>The server refused the report: %1 (%2)</translation>
    </message>
    <message>
        <source>The server did not run the report (%1).</source>
        <translation>The server did not run the report (%1).</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportTableModel</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportListModel</name>
    <message>
        <source>%1 (example)</source>
        <translation>%1 (example)</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportWindow</name>
    <message>
        <source>New report</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>Gongdan — Reports</source>
        <translation>Gongdan — Reports</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Rows by</source>
        <translation>Rows by</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>From … to …</translation>
    </message>
    <message>
        <source>Every ticket. Or, as in views: {"all": [{"field": "priority", "op": "is", "value": "urgent"}]}</source>
        <translation>Every ticket. Or, as in views: {"all": [{"field": "priority", "op": "is", "value": "urgent"}]}</translation>
    </message>
    <message>
        <source>The view condition language as JSON: all or any of the conditions; fields as in views, and customer_level and region.</source>
        <translation>The view condition language as JSON: all or any of the conditions; fields as in views, and customer_level and region.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Save as new</translation>
    </message>
    <message>
        <source>Export .xlsx…</source>
        <translation>Export .xlsx…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The measure the chart shows</source>
        <translation>The measure the chart shows</translation>
    </message>
    <message>
        <source>The conditions are not JSON: %1 (at character %2).</source>
        <translation>The conditions are not JSON: %1 (at character %2).</translation>
    </message>
    <message>
        <source>Running on the server…</source>
        <translation>Running on the server…</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>Saved: every desk of the team gets "%1" with the next sync.</source>
        <translation>Saved: every desk of the team gets "%1" with the next sync.</translation>
    </message>
    <message>
        <source>Tickets: %1, created %2 – %3.</source>
        <translation>Tickets: %1, created %2 – %3.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>Run the report first.</source>
        <translation>Run the report first.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Export to CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>Exported %1 rows to %2.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was kept.</source>
        <translation>Export cancelled; nothing was kept.</translation>
    </message>
</context>
</TS>
