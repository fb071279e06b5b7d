<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentStore</name>
    <message>
        <source>A file needs a name.</source>
        <translation>文件需要名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than %2 MB.</source>
        <translation>“%1”超过 %2 MB。</translation>
    </message>
    <message>
        <source>The file is not in the local store.</source>
        <translation>本地库中没有这个文件。</translation>
    </message>
    <message>
        <source>The stored file is damaged.</source>
        <translation>存储的文件已损坏。</translation>
    </message>
</context>
<context>
    <name>BulkTicketActions</name>
    <message>
        <source>The ticket no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>Type the tag to add.</source>
        <translation>请输入要添加的标签。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs details for each ticket; open the ticket to do it.</source>
        <translation>“%1”需要逐张填写详情,请打开工单操作。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) changed</source>
        <translation><numerusform>已修改 %n 张工单</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped</source>
        <translation><numerusform>;跳过 %n 张</numerusform></translation>
    </message>
</context>
<context>
    <name>CacheRecovery</name>
    <message>
        <source>The damaged store %1 could not be moved aside; check the folder&apos;s permissions.</source>
        <translation>无法移走已损坏的本地库 %1,请检查文件夹权限。</translation>
    </message>
</context>
<context>
    <name>CategoryTree</name>
    <message>
        <source>Every category needs an id and a Chinese name.</source>
        <translation>每个分类都需要编号和中文名称。</translation>
    </message>
    <message>
        <source>The category id &quot;%1&quot; is used twice.</source>
        <translation>分类编号“%1”重复。</translation>
    </message>
    <message>
        <source>The parent of &quot;%1&quot; does not exist.</source>
        <translation>“%1”的上级分类不存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is inside itself or more than %2 levels deep.</source>
        <translation>“%1”形成了循环,或超过 %2 级。</translation>
    </message>
</context>
<context>
    <name>CustomerRepository</name>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户需要姓名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>“%1”不是电话号码。</translation>
    </message>
    <message>
        <source>The customer number %1 is already used.</source>
        <translation>客户编号 %1 已被使用。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The local store %1 is damaged or is not a Gongdan store (%2). It can be rebuilt; changes that were not yet sent to the server are kept.</source>
        <translation>本地库 %1 已损坏或不是工单系统的数据文件(%2)。可以重建,尚未同步到服务器的修改会保留。</translation>
    </message>
    <message>
        <source>The local store %1 cannot be read: %2</source>
        <translation>无法读取本地库 %1:%2</translation>
    </message>
    <message>
        <source>the file does not start like a database</source>
        <translation>文件头不是数据库格式</translation>
    </message>
    <message>
        <source>The local store %1 cannot be opened: %2</source>
        <translation>无法打开本地库 %1:%2</translation>
    </message>
    <message>
        <source>The local store refused an operation: %1</source>
        <translation>本地库拒绝了操作:%1</translation>
    </message>
</context>
<context>
    <name>FieldDefinition</name>
    <message>
        <source>Single-line text</source>
        <translation>单行文本</translation>
    </message>
    <message>
        <source>Multi-line text</source>
        <translation>多行文本</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>复选框</translation>
    </message>
    <message>
        <source>Cascading choice</source>
        <translation>级联选择</translation>
    </message>
    <message>
        <source>Checked text</source>
        <translation>格式校验文本</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>File attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Unknown field type &quot;%1&quot;.</source>
        <translation>未知的字段类型“%1”。</translation>
    </message>
    <message>
        <source>Unknown text format &quot;%1&quot;.</source>
        <translation>未知的文本格式“%1”。</translation>
    </message>
    <message>
        <source>A field key is 1 to 48 lowercase letters, digits or underscores, starting with a letter.</source>
        <translation>字段标识为 1 到 48 个小写字母、数字或下划线,以字母开头。</translation>
    </message>
    <message>
        <source>A field needs a Chinese and an English label.</source>
        <translation>字段需要中文和英文名称。</translation>
    </message>
    <message>
        <source>The maximum length cannot be negative.</source>
        <translation>最大长度不能为负数。</translation>
    </message>
    <message>
        <source>The minimum is larger than the maximum.</source>
        <translation>最小值大于最大值。</translation>
    </message>
    <message>
        <source>A decimal field has 0 to 8 digits after the point.</source>
        <translation>小数字段的小数位数为 0 到 8 位。</translation>
    </message>
    <message>
        <source>A choice field needs options with unique values and labels, one level deep.</source>
        <translation>选择字段需要一层选项,每个选项的值和名称不能重复或为空。</translation>
    </message>
    <message>
        <source>A cascading field needs an option tree of 1 to %1 levels with unique values and labels.</source>
        <translation>级联字段需要 1 到 %1 级的选项树,同级选项的值和名称不能重复或为空。</translation>
    </message>
    <message>
        <source>The pattern is not a valid regular expression: %1</source>
        <translation>校验规则不是有效的正则表达式:%1</translation>
    </message>
    <message>
        <source>A checked text field needs its error message in Chinese and English.</source>
        <translation>格式校验文本需要中文和英文的错误提示。</translation>
    </message>
    <message>
        <source>The type of the field &quot;%1&quot; cannot change after it is created; add a new field instead.</source>
        <translation>字段“%1”创建后不能更改类型;请新建一个字段。</translation>
    </message>
    <message>
        <source>The key of a field cannot change after it is created.</source>
        <translation>字段标识创建后不能更改。</translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message numerus="yes">
        <source>%1 is limited to %n characters.</source>
        <translation><numerusform>%1 最多 %n 个字符。</numerusform></translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 必须是文本。</translation>
    </message>
    <message>
        <source>%1 must be a single line.</source>
        <translation>%1 只能填写一行。</translation>
    </message>
    <message>
        <source>%1 must be an e-mail address such as name@example.com.</source>
        <translation>%1 必须是邮箱地址,例如 name@example.com。</translation>
    </message>
    <message>
        <source>%1 must be a phone number (digits, spaces, + - and brackets).</source>
        <translation>%1 必须是电话号码(数字、空格、+、- 和括号)。</translation>
    </message>
    <message>
        <source>%1 must be a web address starting with http:// or https://.</source>
        <translation>%1 必须是以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 必须是整数。</translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation>%1 不能小于 %2。</translation>
    </message>
    <message>
        <source>%1 must be at most %2.</source>
        <translation>%1 不能大于 %2。</translation>
    </message>
    <message>
        <source>%1 must be a number such as 12.50.</source>
        <translation>%1 必须是数字,例如 12.50。</translation>
    </message>
    <message numerus="yes">
        <source>%1 allows %n digit(s) after the decimal point.</source>
        <translation><numerusform>%1 最多保留 %n 位小数。</numerusform></translation>
    </message>
    <message>
        <source>%1 must be a date such as 2023-10-01.</source>
        <translation>%1 必须是日期,例如 2023-10-01。</translation>
    </message>
    <message>
        <source>%1 must be a date and time such as 2023-10-01T09:30:00+08:00.</source>
        <translation>%1 必须是日期时间,例如 2023-10-01T09:30:00+08:00。</translation>
    </message>
    <message>
        <source>%1: choose one of the listed options.</source>
        <translation>%1:请从列出的选项中选择一项。</translation>
    </message>
    <message>
        <source>%1: choose from the listed options.</source>
        <translation>%1:请从列出的选项中选择。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of the options.</source>
        <translation>%1:“%2”不是可选项。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is chosen twice.</source>
        <translation>%1:“%2”被选了两次。</translation>
    </message>
    <message>
        <source>%1 must be ticked or not ticked.</source>
        <translation>%1 只能勾选或不勾选。</translation>
    </message>
    <message>
        <source>%1: choose a value at each level.</source>
        <translation>%1:请逐级选择。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a choice at this level.</source>
        <translation>%1:“%2”不是这一级的选项。</translation>
    </message>
    <message>
        <source>%1: choose a value at each level, down to the last.</source>
        <translation>%1:请逐级选择到最后一级。</translation>
    </message>
    <message>
        <source>%1 must be a customer from the archive.</source>
        <translation>%1 必须是客户档案中的客户。</translation>
    </message>
    <message>
        <source>%1 must be a list of attached files.</source>
        <translation>%1 必须是附件列表。</translation>
    </message>
    <message>
        <source>%1 has an attachment without a valid content hash, name or size.</source>
        <translation>%1 中有附件缺少有效的内容哈希、名称或大小。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 must be filled in before closing.</source>
        <translation>关闭工单前必须填写 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a defined field.</source>
        <translation>“%1”不是已定义的字段。</translation>
    </message>
</context>
<context>
    <name>JsonCodec</name>
    <message>
        <source>The value of &quot;%1&quot; is missing or not valid.</source>
        <translation>“%1”的值缺失或无效。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信公众号</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>New</source>
        <translation>待接单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>垃圾工单</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Public reply</source>
        <translation>对外回复</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>accept</source>
        <translation>确认接收</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>转单</translation>
    </message>
    <message>
        <source>wait for the customer</source>
        <translation>提交客户确认</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>继续处理</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>mark as spam</source>
        <translation>标记为垃圾工单</translation>
    </message>
    <message>
        <source>restore from spam</source>
        <translation>恢复为正常工单</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>A ticket that is &quot;%1&quot; cannot be given the action &quot;%2&quot;.</source>
        <translation>状态为“%1”的工单不能执行“%2”。</translation>
    </message>
    <message>
        <source>A transfer needs a note for the receiving group.</source>
        <translation>转单需要填写给接收部门的说明。</translation>
    </message>
    <message>
        <source>Describe the solution before asking the customer to confirm it.</source>
        <translation>请先填写处理方案,再提交客户确认。</translation>
    </message>
    <message>
        <source>Closing needs a resolution note.</source>
        <translation>关闭工单需要填写处理结果。</translation>
    </message>
    <message>
        <source>Closing needs the customer&apos;s answer: satisfied or not satisfied.</source>
        <translation>关闭工单需要客户的反馈:满意或不满意。</translation>
    </message>
    <message>
        <source>Choose the ticket to merge into.</source>
        <translation>请选择要合并到的工单。</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>The local store was written by a newer Gongdan (schema %1; this version knows %2). Update Gongdan.</source>
        <translation>本地库由更新版本的工单系统写入(结构版本 %1,当前版本支持 %2)。请升级工单系统。</translation>
    </message>
</context>
<context>
    <name>SearchTokenizer</name>
    <message>
        <source>This SQLite library has no full-text search (FTS5).</source>
        <translation>此 SQLite 库不支持全文检索(FTS5)。</translation>
    </message>
    <message>
        <source>Could not register the search tokenizer.</source>
        <translation>无法注册检索分词器。</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>The field &quot;%1&quot; must be %2.</source>
        <translation>字段“%1”必须是%2。</translation>
    </message>
    <message>
        <source>an object of field values</source>
        <translation>字段值对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field that can be edited.</source>
        <translation>“%1”不是可编辑的字段。</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>工单需要标题。</translation>
    </message>
    <message>
        <source>a list of tags</source>
        <translation>标签列表</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>one of the listed choices</source>
        <translation>列出的选项之一</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>TicketRepository</name>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>工单需要标题。</translation>
    </message>
    <message>
        <source>The ticket no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>A closed ticket cannot be edited; reopen it first.</source>
        <translation>已关闭的工单不能编辑,请先重新打开。</translation>
    </message>
    <message>
        <source>A ticket can only be merged into another open ticket.</source>
        <translation>工单只能合并到另一张未关闭的工单。</translation>
    </message>
    <message>
        <source>Write a reply or attach a file.</source>
        <translation>请填写回复内容或添加附件。</translation>
    </message>
    <message>
        <source>Unknown queued change &quot;%1&quot;.</source>
        <translation>未知的待同步修改“%1”。</translation>
    </message>
</context>
<context>
    <name>ViewFields</name>
    <message>
        <source>Unknown comparison &quot;%1&quot;.</source>
        <translation>未知的比较方式“%1”。</translation>
    </message>
    <message>
        <source>A view needs a name.</source>
        <translation>视图需要名称。</translation>
    </message>
    <message>
        <source>A view cannot be sorted by &quot;%1&quot;.</source>
        <translation>视图不能按“%1”排序。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field a view can use.</source>
        <translation>“%1”不是视图可用的字段。</translation>
    </message>
    <message>
        <source>The condition on &quot;%1&quot; does not fit the field (%2).</source>
        <translation>“%1”上的条件与字段类型不符(%2)。</translation>
    </message>
</context>
<context>
    <name>ViewRepository</name>
    <message>
        <source>Built-in views cannot be changed; copy one instead.</source>
        <translation>内置视图不能修改,请复制一份再改。</translation>
    </message>
    <message>
        <source>The view no longer exists.</source>
        <translation>该视图已不存在。</translation>
    </message>
</context>
<context>
    <name>gongdan::ChoiceFieldEditor</name>
    <message>
        <source>%1, level %2</source>
        <translation>%1,第 %2 级</translation>
    </message>
</context>
<context>
    <name>gongdan::DateTimeFieldEditor</name>
    <message>
        <source>Set %1</source>
        <translation>填写%1</translation>
    </message>
</context>
<context>
    <name>gongdan::MainWindow</name>
    <message>
        <source>Gongdan</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Search number, subject, customer, phone or comment (Ctrl+F)</source>
        <translation>搜索工单号、标题、客户、电话或回复内容(Ctrl+F)</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>搜索工单</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find tickets</source>
        <translation>查找工单(&amp;F)</translation>
    </message>
    <message>
        <source>Find tickets (%1)</source>
        <translation>查找工单(%1)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Open view %1</source>
        <translation>打开视图 %1</translation>
    </message>
    <message>
        <source>Gongdan — %1</source>
        <translation>工单 — %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>坐席:%1</translation>
    </message>
    <message numerus="yes">
        <source>Not connected · %n change(s) waiting to sync</source>
        <translation><numerusform>未连接 · %n 项修改待同步</numerusform></translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>分配给我(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Assign to</source>
        <translation>分配给(&amp;A)</translation>
    </message>
    <message>
        <source>Set &amp;priority</source>
        <translation>设置紧急程度(&amp;P)</translation>
    </message>
    <message>
        <source>Change &amp;status</source>
        <translation>更改状态(&amp;S)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag to add to the selected tickets</source>
        <translation>要添加到所选工单的标签</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Select one or more tickets first.</source>
        <translation>请先选择一张或多张工单。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketQueueModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>-%1</source>
        <comment>overdue by</comment>
        <translation>超时%1</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
</context>
<context>
    <name>gongdan::ViewListModel</name>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation><numerusform>%1,%n 张工单</numerusform></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Local store damaged</source>
        <translation>本地库已损坏</translation>
    </message>
    <message>
        <source>Rebuild it now?</source>
        <translation>现在重建吗?</translation>
    </message>
    <message>
        <source>Rebuild failed</source>
        <translation>重建失败</translation>
    </message>
    <message>
        <source>Cannot open the local store</source>
        <translation>无法打开本地库</translation>
    </message>
    <message>
        <source>Local agent</source>
        <translation>本机坐席</translation>
    </message>
</context>
</TS>
