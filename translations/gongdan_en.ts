<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttachmentStore</name>
    <message>
        <source>A file needs a name.</source>
        <translation>A file needs a name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than %2 MB.</source>
        <translation>&quot;%1&quot; is larger than %2 MB.</translation>
    </message>
    <message>
        <source>The file is not in the local store.</source>
        <translation>The file is not in the local store.</translation>
    </message>
    <message>
        <source>The stored file is damaged.</source>
        <translation>The stored file is damaged.</translation>
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
        <translation><numerusform>%n ticket changed</numerusform><numerusform>%n tickets changed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped</source>
        <translation><numerusform>; %n skipped</numerusform><numerusform>; %n skipped</numerusform></translation>
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
    <name>CustomerRepository</name>
    <message>
        <source>A customer needs a name.</source>
        <translation>A customer needs a name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>&quot;%1&quot; is not a phone number.</translation>
    </message>
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
</context>
<context>
    <name>FieldValidator</name>
    <message numerus="yes">
        <source>%1 is limited to %n characters.</source>
        <translation><numerusform>%1 is limited to %n character.</numerusform><numerusform>%1 is limited to %n characters.</numerusform></translation>
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
        <translation><numerusform>%1 allows %n digit after the decimal point.</numerusform><numerusform>%1 allows %n digits after the decimal point.</numerusform></translation>
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
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>The local store was written by a newer Gongdan (schema %1; this version knows %2). Update Gongdan.</source>
        <translation>The local store was written by a newer Gongdan (schema %1; this version knows %2). Update Gongdan.</translation>
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
        <source>A ticket needs a subject.</source>
        <translation>A ticket needs a subject.</translation>
    </message>
    <message>
        <source>The ticket no longer exists.</source>
        <translation>The ticket no longer exists.</translation>
    </message>
    <message>
        <source>A closed ticket cannot be edited; reopen it first.</source>
        <translation>A closed ticket cannot be edited; reopen it first.</translation>
    </message>
    <message>
        <source>A ticket can only be merged into another open ticket.</source>
        <translation>A ticket can only be merged into another open ticket.</translation>
    </message>
    <message>
        <source>Write a reply or attach a file.</source>
        <translation>Write a reply or attach a file.</translation>
    </message>
    <message>
        <source>Unknown queued change &quot;%1&quot;.</source>
        <translation>Unknown queued change &quot;%1&quot;.</translation>
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
    <name>gongdan::ChoiceFieldEditor</name>
    <message>
        <source>%1, level %2</source>
        <translation>%1, level %2</translation>
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
    <name>gongdan::MainWindow</name>
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
    <message numerus="yes">
        <source>Not connected · %n change(s) waiting to sync</source>
        <translation><numerusform>Not connected · %n change waiting to sync</numerusform><numerusform>Not connected · %n changes waiting to sync</numerusform></translation>
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
</context>
<context>
    <name>gongdan::ViewListModel</name>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation><numerusform>%1, %n ticket</numerusform><numerusform>%1, %n tickets</numerusform></translation>
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
</context>
</TS>
