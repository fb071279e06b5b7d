<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Access</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Field staff</source>
        <translation>外勤人员</translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>A file needs a name.</source>
        <translation>文件需要名称。</translation>
    </message>
    <message>
        <source>The file is not in the local store.</source>
        <translation>本地库中没有这个文件。</translation>
    </message>
    <message>
        <source>The stored file is damaged.</source>
        <translation>存储的文件已损坏。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; files up to %3 can be attached. Share a smaller file or a link instead.</source>
        <extracomment>%1 the file&apos;s name, %2 its size, %3 the largest size the team server takes (e.g. &quot;25 MB&quot;)</extracomment>
        <translation>“%1”大小为 %2；附件最大 %3。请发送更小的文件或改用链接。</translation>
    </message>
    <message>
        <source>The file arrived damaged; it will be fetched again.</source>
        <translation>文件传输中损坏，将重新下载。</translation>
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
        <translation>
            <numerusform>已修改 %n 张工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped</source>
        <translation>
            <numerusform>;跳过 %n 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusinessCalendar</name>
    <message>
        <source>A day&apos;s hours are a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] pairs.</source>
        <translation>一天的工作时间是若干 [&quot;HH:MM&quot;, &quot;HH:MM&quot;] 时段的列表。</translation>
    </message>
    <message>
        <source>Each interval is a pair of times such as [&quot;09:00&quot;, &quot;18:00&quot;].</source>
        <translation>每个时段是一对时间，例如 [&quot;09:00&quot;, &quot;18:00&quot;]。</translation>
    </message>
    <message>
        <source>Times are written HH:MM, from 00:00 to 24:00 (24:00 only as an end).</source>
        <translation>时间写作 HH:MM，从 00:00 到 24:00（24:00 只能作为结束时间）。</translation>
    </message>
    <message>
        <source>An interval ends after it starts.</source>
        <translation>时段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>A day&apos;s intervals must not overlap.</source>
        <translation>同一天的时段不能重叠。</translation>
    </message>
    <message>
        <source>Dates are written YYYY-MM-DD.</source>
        <translation>日期写作 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>A calendar needs a name.</source>
        <translation>工作日历需要一个名称。</translation>
    </message>
    <message>
        <source>The time zone must be an IANA name such as Asia/Shanghai.</source>
        <translation>时区必须是 IANA 名称，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>A calendar needs its weekly hours (mon … sun).</source>
        <translation>工作日历需要每周的工作时间（mon … sun）。</translation>
    </message>
    <message>
        <source>Weekdays are mon, tue, wed, thu, fri, sat and sun.</source>
        <translation>星期写作 mon、tue、wed、thu、fri、sat 和 sun。</translation>
    </message>
    <message>
        <source>A holiday is named by a text, e.g. &quot;2026-10-01&quot;: &quot;国庆节&quot;.</source>
        <translation>节假日需要一个文字名称，例如 &quot;2026-10-01&quot;: &quot;国庆节&quot;。</translation>
    </message>
    <message>
        <source>The calendar has no working hours in the ten years after this instant.</source>
        <translation>此时刻之后十年内该日历没有任何工作时间。</translation>
    </message>
    <message>
        <source>The calendar has no working hours in the ten years before this instant.</source>
        <translation>此时刻之前十年内该日历没有任何工作时间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an instant: write ISO 8601 with an offset or Z, e.g. 2024-09-27T17:00:00+08:00.</source>
        <translation>“%1”不是一个时刻：请按 ISO 8601 书写并带上时区偏移或 Z，例如 2024-09-27T17:00:00+08:00。</translation>
    </message>
    <message>
        <source>A pause is FROM/TO, two instants.</source>
        <translation>暂停写作 起点/终点，两个时刻。</translation>
    </message>
    <message>
        <source>A pause ends after it starts.</source>
        <translation>暂停的终点必须晚于起点。</translation>
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
    <name>Customer</name>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户需要姓名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>“%1”不是电话号码。</translation>
    </message>
    <message>
        <source>An ID card number has 18 characters (or 15 digits).</source>
        <translation>身份证号为 18 位（或 15 位数字）。</translation>
    </message>
    <message>
        <source>A bank card number has 12 to 19 digits.</source>
        <translation>银行卡号为 12 到 19 位数字。</translation>
    </message>
</context>
<context>
    <name>CustomerRepository</name>
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
    <name>EscalationRule</name>
    <message>
        <source>The metric is first_response, next_response, resolution or accept.</source>
        <translation>指标为 first_response、next_response、resolution 或 accept。</translation>
    </message>
    <message>
        <source>A chain needs at least one level.</source>
        <translation>升级链至少需要一个级别。</translation>
    </message>
    <message>
        <source>Levels are numbered 1, 2, 3 … each once.</source>
        <translation>级别编号为 1、2、3……且不能重复。</translation>
    </message>
    <message>
        <source>The offset is counted in business or calendar minutes.</source>
        <translation>偏移按工作分钟（business）或自然分钟（calendar）计算。</translation>
    </message>
    <message>
        <source>Quiet hours are respect_calendar or always.</source>
        <translation>免打扰设置为 respect_calendar 或 always。</translation>
    </message>
    <message>
        <source>The audience is assignee, group_lead, supervisor, manager or user:&lt;id&gt;.</source>
        <translation>通知对象须为 assignee（处理人）、group_lead（组长）、supervisor（主管）、manager（经理）或 user:&lt;用户id&gt;。</translation>
    </message>
    <message>
        <source>The actions are priority (a priority), add_tag (a tag) and group_id (a group).</source>
        <translation>动作只能是 priority（优先级）、add_tag（标签）和 group_id（工作组）。</translation>
    </message>
    <message>
        <source>A level repeats every 5 to 1440 minutes, or not at all (0).</source>
        <translation>每级可每 5 到 1440 分钟重复提醒一次，或不重复（0）。</translation>
    </message>
</context>
<context>
    <name>FieldCatalog</name>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>need type</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>group</source>
        <translation>处理组</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>response due</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>resolution due</source>
        <translation>解决时限</translation>
    </message>
    <message>
        <source>custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>(me)</source>
        <translation>（我）</translation>
    </message>
    <message>
        <source>ticked</source>
        <translation>已勾选</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>未勾选</translation>
    </message>
    <message>
        <source>is</source>
        <translation>是</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>不是</translation>
    </message>
    <message>
        <source>is any of</source>
        <translation>是其中之一</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>不是其中任何一个</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
    <message>
        <source>before</source>
        <translation>早于</translation>
    </message>
    <message>
        <source>after</source>
        <translation>晚于</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>不少于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>不多于</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>评价时间</translation>
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
    <message>
        <source>&quot;%1&quot; is not a role.</source>
        <translation>“%1”不是一个角色。</translation>
    </message>
    <message>
        <source>Only a text or checked-text field can be sensitive.</source>
        <translation>只有文本或校验文本字段可以设为敏感。</translation>
    </message>
    <message>
        <source>Whether the field &quot;%1&quot; is sensitive cannot change after it is created; add a new field instead.</source>
        <translation>字段“%1”创建后不能再更改是否敏感；请新建一个字段。</translation>
    </message>
</context>
<context>
    <name>FieldText</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message numerus="yes">
        <source>%1 is limited to %n characters.</source>
        <translation>
            <numerusform>%1 最多 %n 个字符。</numerusform>
        </translation>
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
        <translation>
            <numerusform>%1 最多保留 %n 位小数。</numerusform>
        </translation>
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
    <message>
        <source>Choose the group to transfer the ticket to.</source>
        <translation>请选择要转交的处理组。</translation>
    </message>
    <message>
        <source>record satisfaction</source>
        <translation>记录满意度</translation>
    </message>
    <message>
        <source>A satisfaction score is 1 to 5.</source>
        <translation>满意度评分为 1 到 5 分。</translation>
    </message>
    <message>
        <source>A score of 1 or 2 means the customer is not satisfied: the ticket goes to follow-up.</source>
        <translation>1 分或 2 分表示客户不满意：工单转为待跟进。</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s score, 1 to 5.</source>
        <translation>请选择客户的评分（1 到 5 分）。</translation>
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
    <name>OptionText</name>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>indent by two spaces per level.</source>
        <translation>每一级请缩进两个空格。</translation>
    </message>
    <message>
        <source>indented deeper than the line above.</source>
        <translation>比上一行多缩进了不止一级。</translation>
    </message>
    <message>
        <source>write it as “value = 中文 | English”.</source>
        <translation>请写成“值 = 中文 | English”。</translation>
    </message>
    <message>
        <source>the Chinese label is missing.</source>
        <translation>缺少中文名称。</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>This ticket is no longer one you may see or change.</source>
        <translation>这张工单已不在您可查看或修改的范围内。</translation>
    </message>
    <message>
        <source>Field staff create tickets assigned to themselves.</source>
        <translation>外勤人员新建的工单须指派给自己。</translation>
    </message>
    <message>
        <source>Field staff hand a ticket back with a transfer, not by editing it.</source>
        <translation>外勤人员应通过转单交回工单，而不是直接修改。</translation>
    </message>
    <message>
        <source>Only supervisors and admins set due times.</source>
        <translation>只有主管和管理员可以设置截止时间。</translation>
    </message>
    <message>
        <source>You cannot create a ticket you could not see.</source>
        <translation>不能新建您自己看不到的工单。</translation>
    </message>
    <message>
        <source>The ticket is not on the team server, or no longer one you may see.</source>
        <translation>团队服务器上没有这张工单，或它已不在您的可见范围内。</translation>
    </message>
    <message>
        <source>The ticket was closed meanwhile; reopen it first.</source>
        <translation>工单在此期间已被关闭，请先重新打开。</translation>
    </message>
    <message>
        <source>A ticket with this id exists already.</source>
        <translation>已有相同编号（id）的工单。</translation>
    </message>
    <message>
        <source>The ticket&apos;s id is not valid.</source>
        <translation>工单的 id 无效。</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>工单需要标题。</translation>
    </message>
    <message>
        <source>The group does not exist or is switched off.</source>
        <translation>该组不存在或已停用。</translation>
    </message>
    <message>
        <source>The assignee does not exist or is switched off.</source>
        <translation>处理人不存在或已停用。</translation>
    </message>
    <message>
        <source>The assignee must belong to the ticket&apos;s group.</source>
        <translation>处理人必须属于工单所在的组。</translation>
    </message>
    <message>
        <source>The category does not exist or is switched off.</source>
        <translation>该分类不存在或已停用。</translation>
    </message>
    <message>
        <source>The customer is not in the archive.</source>
        <translation>客户档案中没有该客户。</translation>
    </message>
    <message>
        <source>Its reference number belongs to another ticket.</source>
        <translation>它的临时编号已被另一张工单使用。</translation>
    </message>
    <message>
        <source>Its reference number is not valid.</source>
        <translation>它的临时编号无效。</translation>
    </message>
    <message>
        <source>The value of “%1” is not accepted.</source>
        <translation>“%1”的值不被接受。</translation>
    </message>
    <message>
        <source>The call&apos;s time or length is not valid.</source>
        <translation>通话时间或时长无效。</translation>
    </message>
    <message>
        <source>The ticket to link is not one you can see.</source>
        <translation>要关联的工单不在您的可见范围内。</translation>
    </message>
    <message>
        <source>You may not change “%1”.</source>
        <translation>您无权修改“%1”。</translation>
    </message>
    <message>
        <source>“%1” cannot be edited.</source>
        <translation>“%1”不能修改。</translation>
    </message>
    <message>
        <source>The value of “%1” has the wrong form.</source>
        <translation>“%1”的值格式不对。</translation>
    </message>
    <message>
        <source>The ticket&apos;s status changed meanwhile; this action no longer applies.</source>
        <translation>工单状态在此期间已变化，此操作不再适用。</translation>
    </message>
    <message>
        <source>A transfer needs a note for the receiving group.</source>
        <translation>转单需要给接收组的说明。</translation>
    </message>
    <message>
        <source>Choose the group to transfer the ticket to.</source>
        <translation>请选择要转给的组。</translation>
    </message>
    <message>
        <source>The receiving group does not exist or is switched off.</source>
        <translation>接收组不存在或已停用。</translation>
    </message>
    <message>
        <source>This needs a resolution.</source>
        <translation>此操作需要填写处理结果。</translation>
    </message>
    <message>
        <source>Closing needs the customer&apos;s answer.</source>
        <translation>关闭工单需要客户的反馈。</translation>
    </message>
    <message>
        <source>A ticket can only be merged into another open ticket.</source>
        <translation>工单只能合并到另一张未关闭的工单。</translation>
    </message>
    <message>
        <source>Choose the ticket to merge into.</source>
        <translation>请选择要合并到的工单。</translation>
    </message>
    <message>
        <source>Only members of the ticket&apos;s group can accept it; transfer it to your group first.</source>
        <translation>只有工单所在组的成员才能接单；请先转到您的组。</translation>
    </message>
    <message>
        <source>The reply was empty.</source>
        <translation>回复内容为空。</translation>
    </message>
    <message>
        <source>This ticket was merged into another; write on that one.</source>
        <translation>这张工单已合并到另一张，请在那张工单上回复。</translation>
    </message>
    <message>
        <source>The team server does not take this kind of change yet.</source>
        <translation>团队服务器暂不接受此类更改。</translation>
    </message>
    <message>
        <source>Refused (%1).</source>
        <translation>被拒绝（%1）。</translation>
    </message>
    <message>
        <source>Only supervisors and admins share views or change shared ones; save it as your own view.</source>
        <translation>只有主管和管理员可以共享视图或修改共享视图；请将它保存为自己的视图。</translation>
    </message>
    <message>
        <source>This personal view belongs to someone else.</source>
        <translation>这个个人视图属于其他人。</translation>
    </message>
    <message>
        <source>The view is shared with a group that does not exist.</source>
        <translation>视图共享给了一个不存在的组。</translation>
    </message>
    <message>
        <source>The view no longer exists on the team server.</source>
        <translation>团队服务器上已没有这个视图。</translation>
    </message>
    <message>
        <source>The view uses a field the team no longer has (“%1”).</source>
        <translation>视图用到了团队已不再有的字段（“%1”）。</translation>
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
    <name>SlaPolicy</name>
    <message>
        <source>An SLA policy needs a name.</source>
        <translation>SLA 策略需要一个名称。</translation>
    </message>
    <message>
        <source>A policy matches all or any of its conditions, not both.</source>
        <translation>策略只能匹配全部条件（all）或任一条件（any），不能两者同时。</translation>
    </message>
    <message>
        <source>Each condition names a ticket field (status, priority, tags, …) or customer_level.</source>
        <translation>每个条件需指明一个工单字段（status、priority、tags……）或 customer_level。</translation>
    </message>
    <message>
        <source>The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, after, at_least, at_most.</source>
        <translation>运算符必须是 is、is_not、in、not_in、contains、is_empty、is_not_empty、before、after、at_least、at_most 之一。</translation>
    </message>
    <message>
        <source>Targets are given per priority: normal, urgent or critical.</source>
        <translation>时限按紧急程度给出：normal、urgent 或 critical。</translation>
    </message>
    <message>
        <source>A priority&apos;s targets are first_response, next_response, resolution and accept, in minutes.</source>
        <translation>每个紧急程度的时限为 first_response、next_response、resolution 和 accept（待接单时限），单位为分钟。</translation>
    </message>
    <message>
        <source>A target is a number of minutes from 0 (0: no clock).</source>
        <translation>时限是从 0 起的分钟数（0 表示不计时）。</translation>
    </message>
    <message>
        <source>The warning share is a percentage from 1 to 100.</source>
        <translation>预警比例是 1 到 100 的百分数。</translation>
    </message>
    <message>
        <source>The warning comes 0 or more minutes before the due time.</source>
        <translation>预警时间是到期前 0 分钟或更多。</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>未知状态。</translation>
    </message>
    <message>
        <source>Closed, spam and merged tickets always stop the clocks.</source>
        <translation>已关闭、垃圾工单和已合并的工单总是停止计时。</translation>
    </message>
    <message>
        <source>An open status runs or pauses the clocks.</source>
        <translation>未结状态只能计时或暂停。</translation>
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
        <source>The ticket no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>Unknown queued change &quot;%1&quot;.</source>
        <translation>未知的待同步修改“%1”。</translation>
    </message>
    <message>
        <source>The server has not accepted this ticket yet: fix it and send it again first.</source>
        <translation>服务器尚未接受这张工单：请先修正并重新发送。</translation>
    </message>
    <message>
        <source>This ticket is not waiting to be sent again.</source>
        <translation>这张工单不需要重新发送。</translation>
    </message>
</context>
<context>
    <name>TicketRules</name>
    <message>
        <source>There is no such ticket among those you can see.</source>
        <translation>在您可见的工单中没有这张工单。</translation>
    </message>
    <message>
        <source>There is no active group &quot;%1&quot;.</source>
        <translation>没有启用的组“%1”。</translation>
    </message>
    <message>
        <source>There is no active person &quot;%1&quot; to assign the ticket to.</source>
        <translation>没有可指派的在职人员“%1”。</translation>
    </message>
    <message>
        <source>The assignee must belong to the ticket&apos;s group.</source>
        <translation>处理人必须属于工单所在的组。</translation>
    </message>
    <message>
        <source>There is no active category &quot;%1&quot;.</source>
        <translation>没有启用的分类“%1”。</translation>
    </message>
    <message>
        <source>There is no customer &quot;%1&quot; in the archive.</source>
        <translation>客户档案中没有客户“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a ticket number nor a provisional reference.</source>
        <translation>“%1”既不是工单号也不是临时编号。</translation>
    </message>
    <message>
        <source>The number &quot;%1&quot; belongs to another ticket.</source>
        <translation>编号“%1”属于另一张工单。</translation>
    </message>
    <message>
        <source>You may not change %1.</source>
        <translation>您无权修改%1。</translation>
    </message>
    <message>
        <source>A ticket&apos;s id must be a UUID.</source>
        <translation>工单的 id 必须是 UUID。</translation>
    </message>
    <message>
        <source>A ticket with this id exists.</source>
        <translation>已有相同 id 的工单。</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>工单需要标题。</translation>
    </message>
    <message>
        <source>Field staff create tickets assigned to themselves.</source>
        <translation>外勤人员新建的工单须指派给自己。</translation>
    </message>
    <message>
        <source>A call lasts between 0 s and 24 hours.</source>
        <translation>通话时长应在 0 秒到 24 小时之间。</translation>
    </message>
    <message>
        <source>You cannot create a ticket you could not see.</source>
        <translation>不能新建您自己看不到的工单。</translation>
    </message>
    <message>
        <source>A closed ticket cannot be edited; reopen it first.</source>
        <translation>已关闭的工单不能修改，请先重新打开。</translation>
    </message>
    <message>
        <source>Field staff hand a ticket back with a transfer, not by editing it.</source>
        <translation>外勤人员应通过转单交回工单，而不是直接修改。</translation>
    </message>
    <message>
        <source>Only supervisors and admins set due times.</source>
        <translation>只有主管和管理员可以设置截止时间。</translation>
    </message>
    <message>
        <source>Only members of the ticket&apos;s group can accept it; transfer it to your group first.</source>
        <translation>只有工单所在组的成员才能接单；请先转到您的组。</translation>
    </message>
    <message>
        <source>A ticket can only be merged into another open ticket.</source>
        <translation>工单只能合并到另一张未关闭的工单。</translation>
    </message>
    <message>
        <source>A transfer note needs an id.</source>
        <translation>转单说明需要 id。</translation>
    </message>
    <message>
        <source>A comment&apos;s id must be a UUID.</source>
        <translation>回复的 id 必须是 UUID。</translation>
    </message>
    <message>
        <source>The comment is for another ticket.</source>
        <translation>这条回复属于另一张工单。</translation>
    </message>
    <message>
        <source>This ticket was merged into another; write on that one.</source>
        <translation>这张工单已合并到另一张，请在那张工单上回复。</translation>
    </message>
    <message>
        <source>Write a reply or attach a file.</source>
        <translation>请填写回复或添加附件。</translation>
    </message>
    <message>
        <source>Choose another ticket you can see to link to.</source>
        <translation>请选择另一张您可见的工单进行关联。</translation>
    </message>
</context>
<context>
    <name>TicketTransition</name>
    <message>
        <source>&quot;%1&quot; is not a ticket action.</source>
        <translation>“%1”不是工单操作。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a customer answer.</source>
        <translation>“%1”不是客户答复。</translation>
    </message>
    <message>
        <source>A satisfaction score is a whole number from 1 to 5.</source>
        <translation>满意度评分须为 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>The customer&apos;s comment is longer than %1 characters.</source>
        <translation>客户评价超过 %1 个字符。</translation>
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
    <name>gongdan::AttachmentChip</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open with the system&apos;s application (or double-click)</source>
        <translation>用系统程序打开（或双击）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>移除此文件</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Drag out to copy the file; double-click to open it</source>
        <translation>拖出可复制文件；双击打开</translation>
    </message>
    <message>
        <source>Not sent: the team server refused it</source>
        <translation>未发送：团队服务器拒绝了此文件</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>On the server · kept offline</source>
        <translation>已在服务器 · 已离线保存</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>已在服务器</translation>
    </message>
    <message>
        <source>Not available offline</source>
        <translation>离线不可用</translation>
    </message>
    <message>
        <source>On the server · downloads when opened</source>
        <translation>已在服务器 · 打开时下载</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be saved: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>Waiting to upload · %1% sent</source>
        <translation>等待上传 · 已发送 %1%</translation>
    </message>
</context>
<context>
    <name>gongdan::AttachmentFieldEditor</name>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
</context>
<context>
    <name>gongdan::AttachmentTransfer</name>
    <message>
        <source>Not available offline: this desk is not connected to the team server.</source>
        <translation>离线不可用：本机未连接团队服务器。</translation>
    </message>
    <message>
        <source>The server stored different bytes than were sent.</source>
        <translation>服务器保存的内容与发送的不一致。</translation>
    </message>
    <message>
        <source>The file is not on the team server yet: the desk that attached it has not sent it. Try again later.</source>
        <translation>文件尚未到达团队服务器：添加它的电脑还没有上传。请稍后再试。</translation>
    </message>
    <message>
        <source>Not available offline: the team server cannot be reached (%1).</source>
        <translation>离线不可用：无法连接团队服务器（%1）。</translation>
    </message>
    <message>
        <source>The server answered with an offset outside the file.</source>
        <translation>服务器返回的偏移量超出了文件范围。</translation>
    </message>
</context>
<context>
    <name>gongdan::AttentionPanel</name>
    <message>
        <source>Creating this ticket</source>
        <translation>新建这张工单</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <source>Your edit: %1</source>
        <translation>您的修改：%1</translation>
    </message>
    <message>
        <source>Your action: %1</source>
        <translation>您的操作：%1</translation>
    </message>
    <message>
        <source>Your reply: “%1”</source>
        <translation>您的回复：“%1”</translation>
    </message>
    <message>
        <source>Your link to another ticket</source>
        <translation>您对另一张工单的关联</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>您的更改</translation>
    </message>
    <message>
        <source>%1 — refused by the team server: %2</source>
        <translation>%1 —— 被团队服务器拒绝：%2</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>transferred to %1 by %2</source>
        <translation>已由%2转给%1</translation>
    </message>
    <message>
        <source>given to %1 by %2</source>
        <translation>已由%2指派给%1</translation>
    </message>
    <message>
        <source>moved by %1</source>
        <translation>已被%1移走</translation>
    </message>
    <message>
        <source>Remove from my list</source>
        <translation>从我的列表移除</translation>
    </message>
    <message>
        <source>This ticket left your sight: %1. What you see here is how it was; you can no longer change it.</source>
        <translation>这张工单已不在您的范围内：%1。此处显示的是它离开前的样子，您已不能再修改。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>修改后重发</translation>
    </message>
    <message>
        <source>Discard the ticket</source>
        <translation>放弃这张工单</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Fix it below, then send it again — or discard it.</source>
        <translation>请在下方修正后重新发送，或放弃它。</translation>
    </message>
    <message>
        <source>the ticket left your sight before your change reached the team server.</source>
        <translation>在您的修改送达团队服务器之前，该工单已不在您的可见范围内。</translation>
    </message>
</context>
<context>
    <name>gongdan::CalendarEditor</name>
    <message>
        <source>The date %1 is listed twice.</source>
        <translation>日期 %1 填写了两次。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Weekly hours, %1</source>
        <translation>每周工作时间，%1</translation>
    </message>
    <message>
        <source>Weekly hours, %1, interval %2</source>
        <translation>每周工作时间，%1，时段 %2</translation>
    </message>
    <message>
        <source>Holidays, %1</source>
        <translation>节假日，%1</translation>
    </message>
    <message>
        <source>Make-up workdays, %1</source>
        <translation>调休工作日，%1</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <source>Weekly hours (e.g. 09:00–12:00; an empty day is closed)</source>
        <translation>每周工作时间（空白的一天休息）</translation>
    </message>
    <message>
        <source>Interval %1</source>
        <translation>时段 %1</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>每周工作时间</translation>
    </message>
    <message>
        <source>Holidays (closed all day)</source>
        <translation>节假日（全天休息）</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up workdays (调休) and special hours</source>
        <translation>调休工作日与特殊工作时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Make-up workdays</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add workday</source>
        <translation>添加工作日</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Due preview</source>
        <translation>到期时间预览</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>+ business minutes</source>
        <translation>+ 工作分钟数</translation>
    </message>
    <message>
        <source>Preview start</source>
        <translation>预览起点</translation>
    </message>
    <message>
        <source>Business minutes</source>
        <translation>工作分钟数</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>到期 %1（%2）</translation>
    </message>
    <message>
        <source>Import a calendar</source>
        <translation>导入工作日历</translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>导出工作日历</translation>
    </message>
    <message>
        <source>Calendars (*.json)</source>
        <translation>工作日历 (*.json)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a calendar file (JSON): %2</source>
        <translation>%1 不是工作日历文件（JSON）：%2</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;. Check it and save it.</source>
        <translation>已导入“%1”。请检查后保存。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>gongdan::CallPanel</name>
    <message>
        <source>Call %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;number</source>
        <translation>来电号码(&amp;N)</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Customer na&amp;me</source>
        <translation>客户姓名(&amp;M)</translation>
    </message>
    <message>
        <source>N&amp;eed type</source>
        <translation>需求类型(&amp;E)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>分类(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>紧急程度(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>主题(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <source>Empty: the first line of the description</source>
        <translation>留空则取描述的第一行</translation>
    </message>
    <message>
        <source>New customers are added to the archive</source>
        <translation>新客户将加入客户档案</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Create ticket (Ctrl+Enter)</source>
        <translation>创建工单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Add to selected ticket (Ctrl+Shift+Enter)</source>
        <translation>追加到所选工单 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;tickets (open first)</source>
        <translation>客户的工单（未结在前）(&amp;T)</translation>
    </message>
    <message>
        <source>Customer&apos;s tickets</source>
        <translation>客户的工单</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Call %1:%2</source>
        <translation>通话 %1:%2</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>No customer in the archive has this number. Enter a name to add them.</source>
        <translation>客户档案中没有这个号码。输入姓名即可新建客户。</translation>
    </message>
    <message>
        <source>Describe what the customer needs.</source>
        <translation>请描述客户的需求。</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s number.</source>
        <translation>请输入来电号码。</translation>
    </message>
    <message>
        <source>Choose one of the customer&apos;s tickets first.</source>
        <translation>请先选择客户的一张工单。</translation>
    </message>
    <message>
        <source>Phone call from %1 at %2, %3 min %4 s.</source>
        <translation>%2 来电 %1，通话 %3 分 %4 秒。</translation>
    </message>
    <message>
        <source>These notes could not be kept in case of a crash: %1</source>
        <translation>无法保存这些记录以防崩溃：%1</translation>
    </message>
    <message>
        <source>Your unsaved call notes from %1 were restored.</source>
        <translation>已恢复您在 %1 未保存的通话记录。</translation>
    </message>
    <message>
        <source>A phone number has only digits, spaces, + - and brackets.</source>
        <translation>电话号码只能包含数字、空格、+、- 和括号。</translation>
    </message>
    <message>
        <source>The caller&apos;s card shows here as you type their number.</source>
        <translation>输入来电号码后，客户信息会显示在这里。</translation>
    </message>
</context>
<context>
    <name>gongdan::CategoryEditor</name>
    <message>
        <source>Add &amp;top-level category</source>
        <translation>添加顶级分类(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;subcategory</source>
        <translation>添加子分类(&amp;S)</translation>
    </message>
    <message>
        <source>In use (offered on new tickets)</source>
        <translation>在用（新工单可选）</translation>
    </message>
    <message>
        <source>&amp;Save category</source>
        <translation>保存分类(&amp;S)</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>名称（中文）(&amp;C)</translation>
    </message>
    <message>
        <source>Name (&amp;English)</source>
        <translation>名称（英文）(&amp;E)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <source>A category needs a Chinese name.</source>
        <translation>分类需要中文名称。</translation>
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
    <name>gongdan::ConditionRow</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>yyyy-MM-dd, or “now”</source>
        <translation>yyyy-MM-dd，或“现在”</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>(choose…)</source>
        <translation>（请选择…）</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Choose at least one value for “%1”.</source>
        <translation>请为“%1”至少选择一个值。</translation>
    </message>
    <message>
        <source>Enter a value for “%1”.</source>
        <translation>请为“%1”输入值。</translation>
    </message>
    <message>
        <source>“%1” is not a date (yyyy-MM-dd) or “now”.</source>
        <translation>“%1”不是日期（yyyy-MM-dd）或“现在”。</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
</context>
<context>
    <name>gongdan::CustomerArchive</name>
    <message>
        <source>Save (Ctrl+S) or discard the changes to “%1” first.</source>
        <translation>请先保存（Ctrl+S）或放弃对“%1”的修改。</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Customer n&amp;umber</source>
        <translation>客户编号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>客户等级(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Name, customer number or part of a phone number</source>
        <translation>姓名、客户编号或部分电话号码</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Several numbers separated by commas</source>
        <translation>多个号码用逗号分隔</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 华东</source>
        <translation>用逗号分隔，例如 VIP, 华东</translation>
    </message>
    <message>
        <source>%1  %2 min %3 s  %4 from %5</source>
        <translation>%1  %2 分 %3 秒  %4  来电 %5</translation>
    </message>
    <message>
        <source>Tickets (%1)</source>
        <translation>工单（%1）</translation>
    </message>
    <message>
        <source>Calls (%1)</source>
        <translation>通话记录（%1）</translation>
    </message>
    <message>
        <source>The customer&apos;s tickets</source>
        <translation>客户的工单</translation>
    </message>
    <message>
        <source>The customer&apos;s calls</source>
        <translation>客户的通话记录</translation>
    </message>
    <message>
        <source>&amp;ID card</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Bank card</source>
        <translation>银行卡号(&amp;B)</translation>
    </message>
</context>
<context>
    <name>gongdan::CustomerListModel</name>
    <message>
        <source>Number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
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
    <name>gongdan::DispatchEditor</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Say after how many minutes tickets overflow.</source>
        <translation>请填写工单等待多少分钟后转出。</translation>
    </message>
    <message>
        <source>%1 has dispatch settings already: choose it in the list.</source>
        <translation>%1 已有派单设置：请在列表中选择它。</translation>
    </message>
    <message>
        <source>Supervisors change the settings of their own groups only.</source>
        <translation>主管只能修改自己所在组的设置。</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Strategy</source>
        <translation>分配方式(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Capacity per agent</source>
        <translation>每人容量(&amp;C)</translation>
    </message>
    <message>
        <source>Statuses that count as load</source>
        <translation>计入负载的状态</translation>
    </message>
    <message>
        <source>Offer waits for 确认接收</source>
        <translation>等待确认接收</translation>
    </message>
    <message>
        <source>Missed offers before 离开</source>
        <translation>错过几次后设为离开</translation>
    </message>
    <message>
        <source>&amp;Overflow to group</source>
        <translation>溢出到组(&amp;O)</translation>
    </message>
    <message>
        <source>Overflow after (0: never)</source>
        <translation>溢出等待（0：从不）</translation>
    </message>
    <message>
        <source>VIP waits for a senior agent</source>
        <translation>VIP 等待资深坐席</translation>
    </message>
    <message>
        <source>Required skills wait (0: always)</source>
        <translation>技能要求等待（0：一直等）</translation>
    </message>
    <message>
        <source>&amp;Dispatch this group&apos;s tickets automatically</source>
        <translation>自动派发本组工单(&amp;D)</translation>
    </message>
    <message>
        <source>Least loaded (fewest open tickets)</source>
        <translation>负载最少（未结工单最少）</translation>
    </message>
    <message>
        <source>Least loaded by share of capacity</source>
        <translation>按容量比例负载最少</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>轮流分配</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>gongdan::EscalationEditor</name>
    <message>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Any SLA policy</source>
        <translation>任意 SLA 策略</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>自然</translation>
    </message>
    <message>
        <source>business</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Group lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <source>(stays)</source>
        <translation>（不转）</translation>
    </message>
    <message>
        <source>Notify at once</source>
        <translation>立即通知</translation>
    </message>
    <message>
        <source>In working hours</source>
        <translation>工作时间内</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>Choose whom this level tells.</source>
        <translation>请选择这一级通知谁。</translation>
    </message>
    <message>
        <source>An escalation rule needs a name.</source>
        <translation>升级规则需要名称。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>whom to tell</source>
        <translation>通知对象</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>counted in</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>第 %1 级</translation>
    </message>
    <message>
        <source>Level %1, %2</source>
        <translation>第 %1 级，%2</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Clock</source>
        <translation>计时(&amp;C)</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>下次响应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Acceptance of a dispatch offer (确认接收)</source>
        <translation>派单确认接收</translation>
    </message>
    <message>
        <source>SLA &amp;policy</source>
        <translation>SLA 策略(&amp;P)</translation>
    </message>
    <message>
        <source>Levels: minutes relative to the due time (−15: a warning before it, 0: the breach, +30: later), in calendar or business minutes. Actions run at once; a notice &quot;in working hours&quot; waits for the calendar to open.</source>
        <translation>级别：相对到期时间的分钟数（−15：到期前提醒，0：超时，+30：之后），按自然分钟或工作分钟计。动作立即执行；“工作时间内”的通知等到日历上班后发出。</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Minutes of</source>
        <translation>分钟类型</translation>
    </message>
    <message>
        <source>Tell</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Priority to</source>
        <translation>优先级改为</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>转到组</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知时间</translation>
    </message>
    <message>
        <source>Add &amp;level</source>
        <translation>添加级别(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Remove level</source>
        <translation>删除级别(&amp;R)</translation>
    </message>
    <message>
        <source>once</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>重复提醒</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>重复间隔</translation>
    </message>
</context>
<context>
    <name>gongdan::FieldDefinitionEditor</name>
    <message>
        <source>&amp;Add field</source>
        <translation>添加字段(&amp;A)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save field</source>
        <translation>保存字段(&amp;S)</translation>
    </message>
    <message>
        <source>Required when saving</source>
        <translation>保存时必填</translation>
    </message>
    <message>
        <source>Required to close the ticket</source>
        <translation>关闭工单时必填</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>字段标识(&amp;K)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <source>Label (&amp;Chinese)</source>
        <translation>名称（中文）(&amp;C)</translation>
    </message>
    <message>
        <source>Label (&amp;English)</source>
        <translation>名称（英文）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>Mi&amp;nimum</source>
        <translation>最小值(&amp;N)</translation>
    </message>
    <message>
        <source>Ma&amp;ximum</source>
        <translation>最大值(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Digits after the point</source>
        <translation>小数位数(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation>正则表达式(&amp;P)</translation>
    </message>
    <message>
        <source>Message (Chinese)</source>
        <translation>提示（中文）</translation>
    </message>
    <message>
        <source>Message (English)</source>
        <translation>提示（英文）</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>适用分类(&amp;C)</translation>
    </message>
    <message>
        <source>lower case letters, digits and _, e.g. serial_no</source>
        <translation>小写字母、数字和下划线，例如 serial_no</translation>
    </message>
    <message>
        <source>One per line: value = 中文 | English; indent two spaces for a sub-option</source>
        <translation>每行一个：值 = 中文 | English；子选项缩进两个空格</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>普通文本</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <source>Only administrators change field definitions.</source>
        <translation>只有管理员可以修改字段定义。</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>The minimum must be a whole number.</source>
        <translation>最小值必须是整数。</translation>
    </message>
    <message>
        <source>The maximum must be a whole number.</source>
        <translation>最大值必须是整数。</translation>
    </message>
    <message>
        <source>A field with the key “%1” exists already.</source>
        <translation>标识为“%1”的字段已存在。</translation>
    </message>
    <message>
        <source>Editable by</source>
        <translation>可编辑角色</translation>
    </message>
    <message>
        <source>None ticked: every role may edit.</source>
        <translation>都不勾选：所有角色都可编辑。</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Sensitive: masked (110***********1234) for all but supervisors and admins</source>
        <translation>敏感信息：除主管和管理员外均脱敏显示（110***********1234）</translation>
    </message>
    <message>
        <source>Text fields only; cannot be changed once the field is created</source>
        <translation>仅限文本字段；字段创建后不可更改</translation>
    </message>
</context>
<context>
    <name>gongdan::MainWindow</name>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
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
    <message>
        <source>&amp;New view…</source>
        <translation>新建视图(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit view…</source>
        <translation>编辑视图(&amp;E)…</translation>
    </message>
    <message>
        <source>New &amp;call</source>
        <translation>新建通话记录(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New ticket</source>
        <translation>新建工单(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>打开工单(&amp;O)</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>关闭标签页(&amp;T)</translation>
    </message>
    <message>
        <source>Back to the &amp;queue</source>
        <translation>返回工单列表(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>This view is disabled: it is not counted; edit it (Ctrl+E) to enable it.</source>
        <translation>此视图已停用，不再计数；编辑视图（Ctrl+E）可重新启用。</translation>
    </message>
    <message>
        <source>C&amp;ustomer archive</source>
        <translation>客户档案(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Settings and fields</source>
        <translation>设置与字段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Last ticket</source>
        <translation>最后一张工单(&amp;L)</translation>
    </message>
    <message>
        <source>Supervisor &amp;dashboard</source>
        <translation>主管仪表盘(&amp;D)</translation>
    </message>
</context>
<context>
    <name>gongdan::MaskedValueEdit</name>
    <message>
        <source>Shown in clear</source>
        <translation>明文显示</translation>
    </message>
    <message>
        <source>Show</source>
        <extracomment>Shows a masked ID card or bank card number in clear (the server records who looked).</extracomment>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full value; the server records that you looked</source>
        <translation>显示完整内容；服务器会记录您的查看</translation>
    </message>
    <message>
        <source>Masked once saved (e.g. 110***********1234)</source>
        <translation>保存后脱敏显示（如 110***********1234）</translation>
    </message>
    <message>
        <source>The server holds no value for this field.</source>
        <translation>服务器上此字段没有内容。</translation>
    </message>
    <message>
        <source>Shown for this view only; the server recorded that you looked</source>
        <translation>仅在此处显示；服务器已记录您的查看</translation>
    </message>
</context>
<context>
    <name>gongdan::NotificationCentre</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>暂无通知。</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n 条未读通知</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>没有未读通知</translation>
    </message>
    <message numerus="yes">
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n 条新通知</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Notifications %1</source>
        <translation>通知 %1</translation>
    </message>
    <message>
        <source>Do not disturb from</source>
        <translation>免打扰开始时间</translation>
    </message>
    <message>
        <source>Do not disturb until</source>
        <translation>免打扰结束时间</translation>
    </message>
    <message>
        <source>Open all unread</source>
        <translation>打开全部未读</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message numerus="yes">
        <source>Clear all %n notification(s)? They are gone from your other desks too.</source>
        <translation>
            <numerusform>清除全部 %n 条通知？您其他工作台上的也会一并清除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gongdan::NotificationListModel</name>
    <message>
        <source>Assigned to you</source>
        <translation>派给您</translation>
    </message>
    <message>
        <source>Transferred to you</source>
        <translation>转给您</translation>
    </message>
    <message>
        <source>Customer replied</source>
        <translation>客户回复</translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Mentioned you</source>
        <translation>提到了您</translation>
    </message>
    <message>
        <source>Offered to you</source>
        <translation>待您接收</translation>
    </message>
    <message>
        <source>(late: fired after the server was down)</source>
        <translation>（延迟：服务器停机后补发）</translation>
    </message>
    <message>
        <source>(level reached %1)</source>
        <translation>（%1 已达到该级别）</translation>
    </message>
    <message>
        <source>Low satisfaction: follow up</source>
        <translation>差评：需二次跟进</translation>
    </message>
</context>
<context>
    <name>gongdan::QueueSearch</name>
    <message>
        <source>This view</source>
        <translation>当前视图</translation>
    </message>
    <message>
        <source>All my tickets</source>
        <translation>我的全部工单</translation>
    </message>
    <message>
        <source>Where the search looks: the view shown, or every ticket you may read</source>
        <translation>搜索范围：当前显示的视图，或你可查看的全部工单</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <source>Search all my tickets</source>
        <translation>搜索我的全部工单</translation>
    </message>
    <message>
        <source>Searching every ticket you may read</source>
        <translation>正在搜索你可查看的全部工单</translation>
    </message>
    <message>
        <source>Searching in “%1”</source>
        <translation>正在“%1”中搜索</translation>
    </message>
    <message>
        <source>No tickets match “%1” in any ticket you may read.</source>
        <translation>你可查看的工单中没有与“%1”匹配的工单。</translation>
    </message>
    <message>
        <source>No tickets match “%1” in “%2”.</source>
        <translation>“%2”中没有与“%1”匹配的工单。</translation>
    </message>
</context>
<context>
    <name>gongdan::RecordListEditor</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Only admins, and supervisors for their own groups, may change these settings. You can read them.</source>
        <translation>只有管理员（以及主管对自己所在的组）可以修改这些设置。您可以查看。</translation>
    </message>
    <message>
        <source>Only admins may change these settings. You can read them.</source>
        <translation>只有管理员可以修改这些设置。您可以查看。</translation>
    </message>
    <message>
        <source>Saved. Every desk uses it as soon as the server has it.</source>
        <translation>已保存。服务器收到后，所有工作台立即使用。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>gongdan::RelatedTickets</name>
    <message>
        <source>&amp;Link a related ticket:</source>
        <translation>关联工单(&amp;L)：</translation>
    </message>
    <message>
        <source>Ticket number, e.g. G20261205001</source>
        <translation>工单编号，例如 G20261205001</translation>
    </message>
    <message>
        <source>Number of the ticket to link</source>
        <translation>要关联的工单编号</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Record the two tickets as related, on both</source>
        <translation>将两张工单记为相关（两边都显示）</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>a ticket you cannot see</source>
        <translation>您无权查看的工单</translation>
    </message>
    <message>
        <source>Merged into:</source>
        <translation>已合并到：</translation>
    </message>
    <message>
        <source>Merged from:</source>
        <translation>合并自：</translation>
    </message>
    <message>
        <source>Related:</source>
        <translation>相关工单：</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>No longer record these two tickets as related</source>
        <translation>不再将这两张工单记为相关</translation>
    </message>
    <message>
        <source>No ticket you can see has the number %1.</source>
        <translation>在您可查看的工单中没有编号为 %1 的工单。</translation>
    </message>
    <message>
        <source>%1 is already linked to this ticket.</source>
        <translation>%1 已与本工单关联。</translation>
    </message>
</context>
<context>
    <name>gongdan::SearchIndexer</name>
    <message>
        <source>Cannot read how far search indexing is.</source>
        <translation>无法读取搜索索引的进度。</translation>
    </message>
</context>
<context>
    <name>gongdan::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>Custom &amp;fields</source>
        <translation>自定义字段(&amp;F)</translation>
    </message>
    <message>
        <source>Ca&amp;tegories</source>
        <translation>工单分类(&amp;T)</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The change applies at once to every open window.</source>
        <translation>修改立即应用到所有打开的窗口。</translation>
    </message>
    <message>
        <source>Business &amp;calendars</source>
        <translation>工作日历(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;LA policies</source>
        <translation>SLA 策略(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Escalation</source>
        <translation>升级(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>派单(&amp;D)</translation>
    </message>
</context>
<context>
    <name>gongdan::SignInClient</name>
    <message>
        <source>The login or password is wrong.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again in %1 s.</source>
        <translation>登录失败次数过多，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>This account is switched off; ask an admin.</source>
        <translation>该账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>请输入账号和密码。</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>The team server at %1 did not answer within %2 s.</source>
        <translation>团队服务器 %1 在 %2 秒内没有响应。</translation>
    </message>
    <message>
        <source>The team server at %1 refused the connection: check the address and port, and that the server is running.</source>
        <translation>团队服务器 %1 拒绝了连接：请检查地址和端口，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>No server called %1 was found: check the address.</source>
        <translation>找不到名为 %1 的服务器：请检查地址。</translation>
    </message>
    <message>
        <source>The team server at %1 closed the connection without answering.</source>
        <translation>团队服务器 %1 未响应就关闭了连接。</translation>
    </message>
    <message>
        <source>No secure connection to the team server at %1: %2</source>
        <translation>无法与团队服务器 %1 建立安全连接：%2</translation>
    </message>
    <message>
        <source>Too many sign-in attempts from this computer&apos;s address; try again in %1 s.</source>
        <translation>本机地址的登录尝试过多，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>The team server takes no more sign-in attempts just now; try again in %1 s.</source>
        <translation>团队服务器暂时不再接受登录尝试，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>The team server is busy checking other sign-ins; try again in a moment.</source>
        <translation>团队服务器正忙于验证其他登录，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>gongdan::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>在此电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Sign in to the team server</source>
        <translation>登录团队服务器</translation>
    </message>
    <message>
        <source>Keeps the sign-in in the system keychain, never in a file.</source>
        <translation>登录凭据保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>服务器：(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>账号：(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码：(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as http://gongdan.example:8734.</source>
        <translation>请输入服务器地址，例如 http://gongdan.example:8734。</translation>
    </message>
</context>
<context>
    <name>gongdan::SlaLabel</name>
    <message>
        <source>SLA paused while the customer is asked</source>
        <translation>SLA 已暂停（等待客户确认）</translation>
    </message>
    <message>
        <source>Reply likely overdue by %1 (offline estimate)</source>
        <translation>回复可能已超时 %1（离线估算）</translation>
    </message>
    <message>
        <source>Reply overdue by %1</source>
        <translation>回复已超时 %1</translation>
    </message>
    <message>
        <source>Likely overdue by %1 (offline estimate)</source>
        <translation>可能已超时 %1（离线估算）</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Reply due in %1</source>
        <translation>回复剩余 %1</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Reply due %1; resolution due %2</source>
        <translation>回复时限 %1；解决时限 %2</translation>
    </message>
    <message>
        <source>Resolution due %1</source>
        <translation>解决时限 %1</translation>
    </message>
</context>
<context>
    <name>gongdan::SlaPolicyEditor</name>
    <message>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Around the clock (24/7)</source>
        <translation>全天候（24/7）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Condition %1</source>
        <translation>条件 %1</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>工作日历(&amp;C)</translation>
    </message>
    <message>
        <source>Applies to tickets that match (the first enabled policy in the list wins)</source>
        <translation>适用于符合条件的工单（列表中第一个启用且符合的策略生效）</translation>
    </message>
    <message>
        <source>All conditions (and)</source>
        <translation>满足全部条件（且）</translation>
    </message>
    <message>
        <source>Any condition (or)</source>
        <translation>满足任一条件（或）</translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation>添加条件(&amp;A)</translation>
    </message>
    <message>
        <source>Targets in business minutes (0: no clock)</source>
        <translation>目标（工作分钟数，填零不计时）</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Next response</source>
        <translation>下次响应</translation>
    </message>
    <message>
        <source>Accept within</source>
        <translation>接单时限</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>&amp;Yellow from</source>
        <translation>黄灯起点(&amp;Y)</translation>
    </message>
    <message>
        <source>Yellow from this share of the target</source>
        <translation>用去目标的这一比例时亮黄灯</translation>
    </message>
    <message>
        <source>… or minutes before due</source>
        <translation>…或到期前分钟数</translation>
    </message>
    <message>
        <source>Yellow from this many minutes before the due time</source>
        <translation>到期前这么多分钟时亮黄灯</translation>
    </message>
    <message>
        <source>What each status does to the clocks</source>
        <translation>各状态对计时的影响</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Pause (the first response runs on)</source>
        <translation>暂停（首次响应继续计时）</translation>
    </message>
    <message>
        <source>The first response pauses too</source>
        <translation>首次响应也暂停</translation>
    </message>
    <message>
        <source>No conditions: the policy applies to every ticket.</source>
        <translation>没有条件：策略适用于所有工单。</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Paused clocks add no time; closed, spam and merged tickets stop them, and the resolution clock resumes when a ticket is reopened.</source>
        <translation>暂停时不计时；已关闭、垃圾工单和已合并的工单停止计时，工单重新打开时解决计时继续。</translation>
    </message>
</context>
<context>
    <name>gongdan::SyncController</name>
    <message>
        <source>&amp;Sign in to the team server…</source>
        <translation>登录团队服务器…(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>Not connected · %n change(s) waiting to sync</source>
        <translation>
            <numerusform>未连接 · %n 项更改等待同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working offline: not signed in to the team server. %n change(s) will be sent once you sign in.</source>
        <translation>
            <numerusform>离线工作：尚未登录团队服务器。登录后将发送 %n 项更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing · %n change(s) waiting</source>
        <translation>
            <numerusform>正在同步 · %n 项更改等待中</numerusform>
        </translation>
    </message>
    <message>
        <source>In step with the server · %1</source>
        <translation>已与服务器同步 · %1</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>离线 · %n 项更改等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team server cannot be reached (%1). You can keep working; %n change(s) will be sent when it is back.</source>
        <translation>
            <numerusform>无法连接团队服务器（%1）。可以继续工作；服务器恢复后将发送 %n 项更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message numerus="yes">
        <source>Signed out · %n change(s) waiting</source>
        <translation>
            <numerusform>已退出登录 · %n 项更改等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server ended this sign-in (%1). Sign in again to send %n waiting change(s).</source>
        <translation>
            <numerusform>服务器已结束本次登录（%1）。请重新登录以发送 %n 项等待中的更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync problem · %n change(s) waiting</source>
        <translation>
            <numerusform>同步出错 · %n 项更改等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused to sync (%1); retrying. Your %n change(s) are kept.</source>
        <translation>
            <numerusform>服务器拒绝同步（%1），正在重试。您的 %n 项更改已保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Working offline: not signed in to the team server. What you change stays on this computer until you sign in.</source>
        <translation>离线工作：尚未登录团队服务器。登录前，所做的更改只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>The team server cannot be reached (%1). You can keep working; changes will be sent when it is back.</source>
        <translation>无法连接团队服务器（%1）。可以继续工作；服务器恢复后将发送更改。</translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation>首次同步进度</translation>
    </message>
    <message>
        <source>Loading tickets: %v of %m</source>
        <extracomment>%v and %m are numbers of tickets: &quot;1,500 of 100,000&quot;</extracomment>
        <translation>正在载入工单：%v / %m</translation>
    </message>
    <message>
        <source>Search indexing progress</source>
        <translation>搜索索引进度</translation>
    </message>
    <message>
        <source>Preparing search: %p%</source>
        <extracomment>The queue is usable; search finds more as this goes on. %p is a percentage.</extracomment>
        <translation>正在准备搜索：%p%</translation>
    </message>
    <message>
        <source>Conversation loading progress</source>
        <translation>对话记录载入进度</translation>
    </message>
    <message>
        <source>Loading conversations: %p%</source>
        <extracomment>Every ticket is in the queue; their comments are still arriving. %p is a percentage.</extracomment>
        <translation>正在载入对话记录：%p%</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of another user wait for them to sign in here</source>
        <translation>
            <numerusform>另一位用户的 %n 项更改等待其在此登录后发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n need(s) attention</source>
        <translation>
            <numerusform>⚠ %n 项需要处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes the team server refused, and tickets that left your sight: show them</source>
        <translation>被团队服务器拒绝的更改，以及已离开您范围的工单：点击查看</translation>
    </message>
</context>
<context>
    <name>gongdan::SyncEngine</name>
    <message>
        <source>The team server does not answer.</source>
        <translation>团队服务器没有响应。</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketComposer</name>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Reply to customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Write a reply or an internal note; Ctrl+Enter sends</source>
        <translation>输入回复或内部备注；Ctrl+Enter 发送</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <source>Attach files to this reply</source>
        <translation>为这条回复添加附件</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read.</source>
        <translation>无法读取“%1”。</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketDetails</name>
    <message>
        <source>&amp;Subject</source>
        <translation>主题(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Need type</source>
        <translation>需求类型(&amp;N)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>分类(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>紧急程度(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>G&amp;roup</source>
        <translation>处理组(&amp;R)</translation>
    </message>
    <message>
        <source>Ass&amp;ignee</source>
        <translation>处理人(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 华东</source>
        <translation>用逗号分隔，例如 VIP, 华东</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>请输入主题。</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketEditor</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Store the edited fields (%1)</source>
        <translation>保存修改的字段（%1）</translation>
    </message>
    <message>
        <source>Discard my edits</source>
        <translation>放弃我的修改</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>工单记录</translation>
    </message>
    <message>
        <source>This ticket no longer exists in the local store.</source>
        <translation>本地库中已没有这张工单。</translation>
    </message>
    <message>
        <source>(not numbered yet)</source>
        <translation>（尚未编号）</translation>
    </message>
    <message>
        <source>No ticket has that number.</source>
        <translation>没有这个编号的工单。</translation>
    </message>
    <message>
        <source>Your unsaved edits from %1 were restored. Save them, or discard them.</source>
        <translation>已恢复您在 %1 未保存的修改。请保存或放弃。</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Two people changed %1 at the same time: it is now “%2”; “%3” was replaced.</source>
        <translation>两人同时修改了 %1：现在为“%2”；“%3”已被替换。</translation>
    </message>
    <message>
        <source>This ticket&apos;s conversation is still arriving from the team server (first sync); it appears here by itself.</source>
        <translation>此工单的对话记录仍在从团队服务器载入（首次同步），载入后会自动显示在这里。</translation>
    </message>
    <message>
        <source>Your refused edit is back in the fields: change what was refused, then save (Ctrl+S).</source>
        <translation>被拒绝的修改已放回字段中：请改正被拒绝的部分，然后保存（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
</context>
<context>
    <name>gongdan::TicketForm</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full value; the server records that you looked</source>
        <translation>显示完整内容；服务器会记录您的查看</translation>
    </message>
    <message>
        <source>Shown for this view only; the server recorded that you looked</source>
        <translation>仅在此处显示；服务器已记录您的查看</translation>
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
    <message>
        <source>Someone else moved this ticket out of your sight; open it to see where it went.</source>
        <translation>有人把这张工单移出了您的范围；打开它查看去向。</translation>
    </message>
    <message>
        <source>The server refused a change of yours; open the ticket to fix and resend it, or discard it.</source>
        <translation>服务器拒绝了您的一项更改；打开工单修正后重发，或放弃它。</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>已移走</translation>
    </message>
    <message>
        <source>%1 · refused</source>
        <translation>%1 · 被拒绝</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Reply %1</source>
        <comment>time left to the customer&apos;s reply is due</comment>
        <translation>回复 %1</translation>
    </message>
    <message>
        <source>Offered to you by automatic dispatch: accept it before %1, or it goes to someone else.</source>
        <translation>系统自动派给您的工单：请在 %1 前确认接收，否则将转派他人。</translation>
    </message>
    <message>
        <source>%1 · offered, %2 to accept</source>
        <translation>%1 · 待确认接收，剩余 %2</translation>
    </message>
    <message>
        <source>%1 · offer ran out</source>
        <translation>%1 · 确认接收已超时</translation>
    </message>
</context>
<context>
    <name>gongdan::TimelineModel</name>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>%1 · %2 · internal note</source>
        <translation>%1 · %2 · 内部备注</translation>
    </message>
    <message>
        <source>%1 · %2 · reply to customer</source>
        <translation>%1 · %2 · 回复客户</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 created ticket %2</source>
        <translation>%1 创建了工单 %2</translation>
    </message>
    <message>
        <source>Phone call at %1, %2 min %3 s</source>
        <translation>%1 来电，通话 %2 分 %3 秒</translation>
    </message>
    <message>
        <source>%1: %2 (%3 → %4)</source>
        <translation>%1：%2（%3 → %4）</translation>
    </message>
    <message>
        <source>%1 noted: %2</source>
        <translation>%1 备注：%2</translation>
    </message>
    <message>
        <source>%1 recorded the solution: %2</source>
        <translation>%1 填写了解决方案：%2</translation>
    </message>
    <message>
        <source>%1 set %2 to %3</source>
        <translation>%1 将%2设为 %3</translation>
    </message>
    <message>
        <source>%1 cleared %2 (was %3)</source>
        <translation>%1 清空了%2（原为 %3）</translation>
    </message>
    <message>
        <source>%1 changed %2: %3 → %4</source>
        <translation>%1 修改了%2：%3 → %4</translation>
    </message>
    <message>
        <source>Not sent: the team server refused it.</source>
        <translation>未发送：团队服务器拒绝了它。</translation>
    </message>
    <message>
        <source>%1 — refused by the team server, not done</source>
        <translation>%1 — 被团队服务器拒绝，未生效</translation>
    </message>
    <message>
        <source>%1 unlinked ticket %2</source>
        <translation>%1 取消了与工单 %2 的关联</translation>
    </message>
    <message>
        <source>%1 linked ticket %2 as related</source>
        <translation>%1 将工单 %2 关联为相关工单</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 changed tags: added %2, removed %3</source>
        <translation>%1 修改了标签：添加 %2，移除 %3</translation>
    </message>
    <message>
        <source>%1 removed tags: %2</source>
        <translation>%1 移除了标签：%2</translation>
    </message>
    <message>
        <source>%1 added tags: %2</source>
        <translation>%1 添加了标签：%2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>%1 merged ticket %2 into this one (its conversation is below)</source>
        <translation>%1 将工单 %2 合并到本工单（其对话见下方）</translation>
    </message>
    <message>
        <source>%1 merged this ticket into %2</source>
        <translation>%1 将本工单合并到 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Automatic dispatch took the offer back: %1</source>
        <translation>自动派单收回：%1</translation>
    </message>
    <message>
        <source>Automatic dispatch moved the ticket on: %1</source>
        <translation>自动派单转出：%1</translation>
    </message>
    <message>
        <source>Automatic dispatch: %1</source>
        <translation>自动派单：%1</translation>
    </message>
    <message>
        <source>%1 recorded the customer&apos;s satisfaction: %2 of 5</source>
        <translation>%1 记录了客户满意度：%2 分（满分 5 分）</translation>
    </message>
    <message>
        <source>%1 recorded the customer&apos;s satisfaction again: %2 of 5 (was %3)</source>
        <translation>%1 重新记录了客户满意度：%2 分（原为 %3 分）</translation>
    </message>
    <message>
        <source>The customer said: %1</source>
        <translation>客户评价：%1</translation>
    </message>
</context>
<context>
    <name>gongdan::TransitionPanel</name>
    <message>
        <source>&amp;Solution</source>
        <translation>解决方案(&amp;S)</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;answer</source>
        <translation>客户答复(&amp;A)</translation>
    </message>
    <message>
        <source>To &amp;group</source>
        <translation>转交给(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Note for the group</source>
        <translation>给处理组的说明(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Merge into ticket</source>
        <translation>合并到工单(&amp;M)</translation>
    </message>
    <message>
        <source>Ticket number, e.g. G20231001001</source>
        <translation>工单编号，例如 G20231001001</translation>
    </message>
    <message>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>确认 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Not satisfied: follow up</source>
        <translation>不满意：转待跟进</translation>
    </message>
    <message>
        <source>Satisfaction &amp;score</source>
        <translation>满意度评分(&amp;S)</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;comment</source>
        <translation>客户评价(&amp;C)</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>（未评价）</translation>
    </message>
    <message>
        <source>5 – very satisfied</source>
        <translation>5 – 非常满意</translation>
    </message>
    <message>
        <source>4 – satisfied</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <source>3 – neutral</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>2 – dissatisfied: follow up</source>
        <translation>2 – 不满意：二次跟进</translation>
    </message>
    <message>
        <source>1 – very dissatisfied: follow up</source>
        <translation>1 – 非常不满意：二次跟进</translation>
    </message>
</context>
<context>
    <name>gongdan::Unmasker</name>
    <message>
        <source>Not connected to the server: the value can only be shown online.</source>
        <translation>未连接服务器：只能在联网时显示明文。</translation>
    </message>
    <message>
        <source>The server cannot be reached: the value can only be shown online.</source>
        <translation>无法连接服务器：只能在联网时显示明文。</translation>
    </message>
    <message>
        <source>Your role may not see this value in clear.</source>
        <translation>您的角色无权查看明文。</translation>
    </message>
    <message>
        <source>Sign in again to see this value.</source>
        <translation>请重新登录后查看。</translation>
    </message>
    <message>
        <source>The server does not have this record yet; try again after the next sync.</source>
        <translation>服务器上还没有这条记录；请在下次同步后重试。</translation>
    </message>
    <message>
        <source>The server did not show the value (%1).</source>
        <translation>服务器未显示该内容（%1）。</translation>
    </message>
</context>
<context>
    <name>gongdan::ViewEditorDialog</name>
    <message>
        <source>All conditions (and)</source>
        <translation>满足全部条件（且）</translation>
    </message>
    <message>
        <source>Any condition (or)</source>
        <translation>满足任一条件（或）</translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation>添加条件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Newest / largest first</source>
        <translation>最新 / 最大的在前(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>删除视图(&amp;D)</translation>
    </message>
    <message>
        <source>New view</source>
        <translation>新建视图</translation>
    </message>
    <message>
        <source>Edit view “%1”</source>
        <translation>编辑视图“%1”</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>名称（中文）(&amp;C)</translation>
    </message>
    <message>
        <source>Name (E&amp;nglish)</source>
        <translation>名称（英文）(&amp;N)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Show tickets matching:</source>
        <translation>显示符合以下条件的工单：</translation>
    </message>
    <message>
        <source>Co&amp;lumns</source>
        <translation>显示列(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;ort by</source>
        <translation>排序(&amp;O)</translation>
    </message>
    <message>
        <source>Only supervisors and administrators share views with the team.</source>
        <translation>只有班长和管理员可以共享视图。</translation>
    </message>
    <message>
        <source>Choose at least one column to show.</source>
        <translation>请至少选择一列。</translation>
    </message>
    <message>
        <source>Press again to delete</source>
        <translation>再按一次以删除</translation>
    </message>
    <message>
        <source>Deleting “%1” removes it for everyone who sees it.</source>
        <translation>删除“%1”后，所有能看到它的人都将看不到它。</translation>
    </message>
    <message>
        <source>S&amp;hared</source>
        <translation>共享(&amp;H)</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>共享给</translation>
    </message>
    <message>
        <source>with the whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>The team server did not accept the last change: %1</source>
        <translation>团队服务器未接受上次修改：%1</translation>
    </message>
</context>
<context>
    <name>gongdan::ViewListModel</name>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1,%n 张工单</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>%1 (not accepted)</source>
        <translation>%1（未被接受）</translation>
    </message>
</context>
<context>
    <name>gongdan::WorkTabs</name>
    <message>
        <source>“%1” has changes that are not saved.</source>
        <translation>“%1”有未保存的修改。</translation>
    </message>
    <message>
        <source>Some open tickets or calls have changes that are not saved.</source>
        <translation>有打开的工单或通话记录尚未保存。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save them, discard them, or go back to them?</source>
        <translation>保存、放弃，还是返回继续编辑？</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>工单列表</translation>
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
    <message>
        <source>Already open</source>
        <translation>已经打开</translation>
    </message>
    <message>
        <source>This local store is open in another Gongdan window. Use that window, or close it first.</source>
        <translation>此本地库已在另一个工单窗口中打开。请使用那个窗口，或先将其关闭。</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Dispatch settings belong to a group.</source>
        <translation>派单设置须属于一个部门。</translation>
    </message>
    <message>
        <source>The strategy is least_loaded, least_loaded_pct or round_robin.</source>
        <translation>分配策略只能是 least_loaded、least_loaded_pct 或 round_robin。</translation>
    </message>
    <message>
        <source>This must be a whole number of at least 1.</source>
        <translation>须为不小于 1 的整数。</translation>
    </message>
    <message>
        <source>This must be a whole number of at least 0.</source>
        <translation>须为不小于 0 的整数。</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>未知的状态。</translation>
    </message>
    <message>
        <source>A group cannot overflow into itself.</source>
        <translation>溢出部门不能是本部门。</translation>
    </message>
    <message>
        <source>A required skill has a name and a level of at least 1.</source>
        <translation>所需技能须有名称，等级不小于 1。</translation>
    </message>
    <message numerus="yes">
        <source>skill %1</source>
        <translation>
            <numerusform>技能 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for a senior agent in %1 (any agent after %n min)</source>
        <translation>
            <numerusform>在%1等待资深坐席（%n 分钟后任何坐席均可）</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting in %1: nobody with %2 has room</source>
        <translation>在%1排队：具备%2的坐席均已满负荷</translation>
    </message>
    <message>
        <source>waiting in %1: nobody online has room</source>
        <translation>在%1排队：在线坐席均已满负荷</translation>
    </message>
    <message numerus="yes">
        <source>offer to %1 not accepted within %n min; back in the queue of %2</source>
        <translation>
            <numerusform>%1 未在 %n 分钟内确认接收，已退回%2队列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %1 missed %n offers in a row and is now away</source>
        <translation>
            <numerusform>；%1 已连续 %n 次未接单，状态改为离开</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer online; back in the queue of %2</source>
        <translation>%1 已不在线，工单退回%2队列</translation>
    </message>
    <message numerus="yes">
        <source>waited %n min in %1; moved to %2</source>
        <translation>
            <numerusform>在%1等待 %n 分钟，已转至%2</numerusform>
        </translation>
    </message>
    <message>
        <source>least loaded %1 (%2 % free) in %3</source>
        <translation>%3负载比例最低 %1（空闲 %2%）</translation>
    </message>
    <message>
        <source>next in turn in %1, load %2</source>
        <translation>%1轮流分配，负载 %2</translation>
    </message>
    <message>
        <source>least loaded %1 in %2</source>
        <translation>%2负载最低 %1</translation>
    </message>
    <message numerus="yes">
        <source>, nobody with %1 had room for %n min</source>
        <translation>
            <numerusform>，具备%1的坐席 %n 分钟内均满负荷</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, no senior agent had room for %n min</source>
        <translation>
            <numerusform>，资深坐席 %n 分钟内均满负荷</numerusform>
        </translation>
    </message>
    <message>
        <source>, senior agent for a VIP customer</source>
        <translation>，VIP 客户由资深坐席处理</translation>
    </message>
    <message>
        <source>assigned to %1: %2</source>
        <translation>派给 %1：%2</translation>
    </message>
</context>
<context>
    <name>gongdan::OfferBanner</name>
    <message>
        <source>New ticket offered to you: %1 %2</source>
        <translation>新派给您的工单：%1 %2</translation>
    </message>
    <message>
        <source>Offered to you: %1 %2 — accept within %3:%4</source>
        <translation>派给您的工单：%1 %2 —— 请在 %3:%4 内确认接收</translation>
    </message>
    <message>
        <source>Offered to you: %1 %2 — the time to accept ran out; it goes to the next agent</source>
        <translation>派给您的工单：%1 %2 —— 确认接收已超时，将转派下一位坐席</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <translation>
            <numerusform>（另有 %n 张待确认）</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>确认接收</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>gongdan::PresenceClient</name>
    <message>
        <source>The server cannot be reached: your status is sent when you are online again.</source>
        <translation>无法连接服务器：恢复联网后再发送您的状态。</translation>
    </message>
    <message>
        <source>The server did not take your status (%1).</source>
        <translation>服务器未接受您的状态（%1）。</translation>
    </message>
</context>
<context>
    <name>gongdan::PresenceCombo</name>
    <message>
        <source>Your status for automatic dispatch, as the server has it. Only online agents get tickets offered.</source>
        <translation>您在自动派单中的状态（以服务器为准）。只有在线坐席会收到派单。</translation>
    </message>
    <message>
        <source>Your status for automatic dispatch; sent to the server when you are online.</source>
        <translation>您在自动派单中的状态；联网后发送到服务器。</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>在线状态</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardModel</name>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Waiting to be accepted</source>
        <translation>待接单</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>SLA 临近超时</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <source>Created today</source>
        <translation>今日新建</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>今日关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>等待服务器数据</translation>
    </message>
    <message numerus="yes">
        <source>updated %n s ago</source>
        <translation>
            <numerusform>%n 秒前更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>updated %n min ago</source>
        <translation>
            <numerusform>%n 分钟前更新</numerusform>
        </translation>
    </message>
    <message>
        <source>Show these tickets in the queue</source>
        <translation>在工单队列中显示这些工单</translation>
    </message>
    <message>
        <source>Satisfaction today</source>
        <translation>今日满意度</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2 条）</translation>
    </message>
    <message>
        <source>%1 % scored 4 or 5. Show these tickets in the queue, the lowest scores first.</source>
        <translation>%1% 为 4 分或 5 分。在队列中显示这些工单（低分在前）。</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardAgentModel</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Handled today</source>
        <translation>今日处理</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardFeed</name>
    <message>
        <source>The dashboard is for supervisors and admins.</source>
        <translation>仪表盘仅供主管和管理员使用。</translation>
    </message>
</context>
<context>
    <name>gongdan::DashboardWindow</name>
    <message>
        <source>Gongdan — Supervisor dashboard</source>
        <translation>工单 — 主管仪表盘</translation>
    </message>
    <message>
        <source>Supervisor dashboard</source>
        <translation>主管仪表盘</translation>
    </message>
    <message>
        <source>Data out of date</source>
        <translation>数据已过期</translation>
    </message>
    <message>
        <source>Wait &amp;red after (min):</source>
        <translation>等待超过几分钟标红(&amp;R)：</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>All my groups</source>
        <translation>我负责的全部组</translation>
    </message>
    <message>
        <source>Top problems today</source>
        <translation>今日高频问题 TOP3</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>%1. %2 (%3)</source>
        <translation>%1. %2（%3）</translation>
    </message>
    <message>
        <source>Show these tickets in the queue</source>
        <translation>在队列中显示这些工单</translation>
    </message>
</context>
<context>
    <name>gongdan::StatusChart</name>
    <message>
        <source>Open tickets by status and group</source>
        <translation>各组未结工单（按状态）</translation>
    </message>
</context>
<context>
    <name>ReportDefinition</name>
    <message>
        <source>A period is last_days, this_month, last_month or range.</source>
        <translation>时间段为 last_days、this_month、last_month 或 range。</translation>
    </message>
    <message>
        <source>The last days are a number from 1 to %1.</source>
        <translation>最近天数为 1 到 %1 之间的整数。</translation>
    </message>
    <message>
        <source>The period's first day is a date (YYYY-MM-DD).</source>
        <translation>时间段的开始日期须为日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The period's last day is a date on or after its first day.</source>
        <translation>时间段的结束日期须不早于开始日期。</translation>
    </message>
    <message>
        <source>A report matches all or any of its conditions, not both.</source>
        <translation>报表须满足全部条件或任一条件，不能两者兼有。</translation>
    </message>
    <message>
        <source>The conditions are given as {"all": [...]} or {"any": [...]}.</source>
        <translation>条件写作 {"all": [...]} 或 {"any": [...]}。</translation>
    </message>
    <message>
        <source>The conditions are a list.</source>
        <translation>条件须为列表。</translation>
    </message>
    <message>
        <source>Each condition names a ticket field (status, priority, tags, …), customer_level or region.</source>
        <translation>每个条件须指定工单字段（status、priority、tags 等）、customer_level 或 region。</translation>
    </message>
    <message>
        <source>The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, after, at_least, at_most.</source>
        <translation>运算符为 is、is_not、in、not_in、contains、is_empty、is_not_empty、before、after、at_least、at_most 之一。</translation>
    </message>
    <message>
        <source>A report needs a name (at most 200 characters).</source>
        <translation>报表需要名称（最多 200 个字符）。</translation>
    </message>
    <message>
        <source>A report groups its rows by group, agent, category, need_type, priority, channel, customer_level, region, tag, day, week or month.</source>
        <translation>报表按 group、agent、category、need_type、priority、channel、customer_level、region、tag、day、week 或 month 分组。</translation>
    </message>
    <message>
        <source>A report counts at least one measure.</source>
        <translation>报表至少要统计一项指标。</translation>
    </message>
    <message>
        <source>Unknown measure "%1".</source>
        <translation>未知指标“%1”。</translation>
    </message>
    <message>
        <source>Each measure is counted once.</source>
        <translation>每项指标只能出现一次。</translation>
    </message>
    <message>
        <source>Per-department efficiency</source>
        <translation>各部门处理效率</translation>
    </message>
    <message>
        <source>Satisfaction per ticket type</source>
        <translation>各类工单满意度</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>处理组</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Need type</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer level</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>First response, avg (min)</source>
        <translation>首次响应平均（分钟）</translation>
    </message>
    <message>
        <source>First response, median (min)</source>
        <translation>首次响应中位数（分钟）</translation>
    </message>
    <message>
        <source>Resolution, avg (min)</source>
        <translation>解决时长平均（分钟）</translation>
    </message>
    <message>
        <source>Resolution, median (min)</source>
        <translation>解决时长中位数（分钟）</translation>
    </message>
    <message>
        <source>Hours to close, avg</source>
        <translation>平均关闭时长（小时）</translation>
    </message>
    <message>
        <source>SLA attainment</source>
        <translation>SLA 达标率</translation>
    </message>
    <message>
        <source>Reopen rate (7 days)</source>
        <translation>重开率（7 天）</translation>
    </message>
    <message>
        <source>One-touch rate</source>
        <translation>一次解决率</translation>
    </message>
    <message>
        <source>Satisfaction, avg (1-5)</source>
        <translation>满意度平均（1-5）</translation>
    </message>
    <message>
        <source>Satisfaction scores</source>
        <translation>满意度评分数</translation>
    </message>
    <message>
        <source>The server's answer is not a report.</source>
        <translation>服务器的应答不是报表。</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportClient</name>
    <message>
        <source>Not connected to the server: reports are run on the server.</source>
        <translation>未连接服务器：报表在服务器上运行。</translation>
    </message>
    <message>
        <source>The server's answer broke off; run the report again.</source>
        <translation>服务器应答中断，请重新运行报表。</translation>
    </message>
    <message>
        <source>The server cannot be reached: reports are run on the server.</source>
        <translation>无法连接服务器：报表在服务器上运行。</translation>
    </message>
    <message>
        <source>Reports are for supervisors and admins.</source>
        <translation>报表仅供主管和管理员使用。</translation>
    </message>
    <message>
        <source>Sign in again to run reports.</source>
        <translation>请重新登录后运行报表。</translation>
    </message>
    <message>
        <source>The server refused the report: %1 (%2)</source>
        <translation>服务器拒绝了该报表：%1（%2）</translation>
    </message>
    <message>
        <source>The server did not run the report (%1).</source>
        <translation>服务器未运行该报表（%1）。</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportTableModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportListModel</name>
    <message>
        <source>%1 (example)</source>
        <translation>%1（示例）</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>gongdan::ReportWindow</name>
    <message>
        <source>New report</source>
        <translation>新建报表</translation>
    </message>
    <message>
        <source>Gongdan — Reports</source>
        <translation>工单 — 报表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Rows by</source>
        <translation>行分组</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>自定义起止日期</translation>
    </message>
    <message>
        <source>Every ticket. Or, as in views: {"all": [{"field": "priority", "op": "is", "value": "urgent"}]}</source>
        <translation>全部工单。或如视图条件：{"all": [{"field": "priority", "op": "is", "value": "urgent"}]}</translation>
    </message>
    <message>
        <source>The view condition language as JSON: all or any of the conditions; fields as in views, and customer_level and region.</source>
        <translation>以 JSON 书写的视图条件：满足全部或任一条件；字段同视图，另有 customer_level 和 region。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>另存为新报表</translation>
    </message>
    <message>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The measure the chart shows</source>
        <translation>图表显示的指标</translation>
    </message>
    <message>
        <source>The conditions are not JSON: %1 (at character %2).</source>
        <translation>条件不是有效的 JSON：%1（第 %2 个字符）。</translation>
    </message>
    <message>
        <source>Running on the server…</source>
        <translation>正在服务器上运行…</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Saved: every desk of the team gets "%1" with the next sync.</source>
        <translation>已保存：团队的每台工作站将在下次同步时收到“%1”。</translation>
    </message>
    <message>
        <source>Tickets: %1, created %2 – %3.</source>
        <translation>工单数：%1，创建于 %2 – %3。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Run the report first.</source>
        <translation>请先运行报表。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was kept.</source>
        <translation>导出已取消，未保留任何文件。</translation>
    </message>
</context>
</TS>
