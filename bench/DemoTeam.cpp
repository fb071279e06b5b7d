#include "bench/DemoTeam.h"

namespace gongdan::demo {

namespace {

QString u(const char* text)
{
    return QString::fromUtf8(text);
}

FieldDefinition field(const char* key, FieldType type, const char* zh, const char* en, int order)
{
    FieldDefinition f;
    f.id = QStringLiteral("fd-") + QLatin1String(key);
    f.key = QLatin1String(key);
    f.type = type;
    f.labelZh = u(zh);
    f.labelEn = QLatin1String(en);
    f.order = order;
    return f;
}

FieldOption option(const char* value, const char* zh, const char* en, QList<FieldOption> children = {})
{
    return FieldOption {QLatin1String(value), u(zh), QLatin1String(en), true, std::move(children)};
}

QList<FieldDefinition> demoFields()
{
    QList<FieldDefinition> all;
    FieldDefinition orderNo = field("order_no", FieldType::RegexText, "订单号", "Order number", 10);
    orderNo.pattern = QStringLiteral("DD[0-9]{12}");
    orderNo.patternMessageZh = u("订单号格式为 DD 加 12 位数字");
    orderNo.patternMessageEn = QStringLiteral("An order number is DD followed by 12 digits.");
    orderNo.helpZh = u("在订单详情页顶部可以找到");
    orderNo.helpEn = QStringLiteral("Shown at the top of the order page");
    all.append(orderNo);
    FieldDefinition model = field("product_model", FieldType::SingleSelect, "产品型号", "Product model", 20);
    model.options = {option("x100", "X100", "X100"), option("s7pro", "S7 Pro", "S7 Pro"),
        option("a300", "A300", "A300"), option("k9max", "K9 Max", "K9 Max")};
    all.append(model);
    all.append(field("purchase_date", FieldType::Date, "购买日期", "Purchase date", 30));
    FieldDefinition refund = field("refund_amount", FieldType::Decimal, "退款金额", "Refund amount", 40);
    refund.precision = 2;
    refund.minimum = 0;
    refund.maximum = 100000;
    refund.categoryIds = {QStringLiteral("after-sales"), QStringLiteral("order.payment")};
    refund.editRoles = {QStringLiteral("supervisor"), QStringLiteral("admin")};
    refund.requiredToClose = true;
    all.append(refund);
    FieldDefinition quantity = field("quantity", FieldType::Integer, "数量", "Quantity", 50);
    quantity.minimum = 1;
    quantity.maximum = 999;
    all.append(quantity);
    FieldDefinition email = field("contact_email", FieldType::Text, "联系邮箱", "Contact e-mail", 60);
    email.textFormat = TextFormat::Email;
    all.append(email);
    FieldDefinition phone = field("callback_phone", FieldType::Text, "回访电话", "Callback phone", 70);
    phone.textFormat = TextFormat::Phone;
    all.append(phone);
    FieldDefinition url = field("store_url", FieldType::Text, "购买链接", "Store link", 80);
    url.textFormat = TextFormat::Url;
    all.append(url);
    FieldDefinition fault = field("fault_detail", FieldType::MultiLineText, "故障详情", "Fault details", 90);
    fault.categoryIds = {QStringLiteral("after-sales.repair")};
    fault.maxLength = 2000;
    all.append(fault);
    FieldDefinition visit = field("visit_time", FieldType::DateTime, "上门时间", "Visit time", 100);
    visit.categoryIds = {QStringLiteral("after-sales.repair")};
    all.append(visit);
    FieldDefinition accessories = field("accessories", FieldType::MultiSelect, "随附配件", "Accessories", 110);
    accessories.options = {option("remote", "遥控器", "Remote"), option("charger", "充电器", "Charger"),
        option("manual", "说明书", "Manual"), option("box", "包装盒", "Box")};
    all.append(accessories);
    all.append(field("under_warranty", FieldType::Checkbox, "在保修期内", "Under warranty", 120));
    FieldDefinition area = field("service_area", FieldType::CascadingSelect, "服务区域", "Service area", 130);
    area.options
        = {option("east", "华东", "East China",
               {option("sh", "上海", "Shanghai",
                    {option("pudong", "浦东新区", "Pudong"), option("xuhui", "徐汇区", "Xuhui")}),
                   option("js", "江苏", "Jiangsu", {option("nj", "南京", "Nanjing"), option("sz", "苏州", "Suzhou")})}),
            option("south", "华南", "South China",
                {option("gd", "广东", "Guangdong",
                    {option("gz", "广州", "Guangzhou"), option("szn", "深圳", "Shenzhen")})})};
    all.append(area);
    all.append(field("related_customer", FieldType::CustomerRef, "关联客户", "Related customer", 140));
    FieldDefinition photo = field("evidence_photo", FieldType::Attachment, "凭证照片", "Evidence photo", 150);
    photo.categoryIds = {QStringLiteral("after-sales")};
    all.append(photo);
    FieldDefinition carrier = field("carrier", FieldType::SingleSelect, "物流公司", "Carrier", 160);
    carrier.options = {option("sf", "顺丰", "SF Express"), option("jd", "京东物流", "JD Logistics"),
        option("zto", "中通", "ZTO"), option("ems", "EMS", "EMS")};
    carrier.categoryIds = {QStringLiteral("order.logistics")};
    all.append(carrier);
    FieldDefinition tracking = field("tracking_no", FieldType::RegexText, "快递单号", "Tracking number", 170);
    tracking.pattern = QStringLiteral("[A-Z0-9]{10,20}");
    tracking.patternMessageZh = u("快递单号为 10 到 20 位大写字母或数字");
    tracking.patternMessageEn = QStringLiteral("A tracking number is 10 to 20 capital letters or digits.");
    tracking.categoryIds = {QStringLiteral("order.logistics")};
    all.append(tracking);
    FieldDefinition idCard = field("id_verified", FieldType::Checkbox, "已核验身份", "Identity verified", 180);
    idCard.editRoles = {QStringLiteral("supervisor")};
    all.append(idCard);
    return all;
}

} // namespace

const DemoTeam& DemoTeam::instance()
{
    static const DemoTeam team = [] {
        DemoTeam t;
        t.groups = {{QStringLiteral("g-aftersales"), u("售后服务部"), QStringLiteral("After-sales")},
            {QStringLiteral("g-logistics"), u("订单物流组"), QStringLiteral("Orders & logistics")},
            {QStringLiteral("g-support"), u("技术支持组"), QStringLiteral("Technical support")},
            {QStringLiteral("g-complaints"), u("投诉处理组"), QStringLiteral("Complaints")},
            {QStringLiteral("g-finance"), u("财务组"), QStringLiteral("Finance")}};
        const QStringList names
            = QString::fromUtf8("王晓明|李娜|张伟|刘洋|陈静|杨帆|赵磊|周婷|吴昊|孙悦|郑凯|冯雪|何琳|高峰|林晨")
                  .split(QLatin1Char('|'));
        for (int i = 0; i < names.size(); ++i) {
            const DemoGroup& group = t.groups.at(i % t.groups.size());
            t.agents.append({QStringLiteral("a-%1").arg(i + 1, 2, 10, QLatin1Char('0')),
                QStringLiteral("agent%1").arg(i + 1), names.at(i),
                i < 5 ? QStringLiteral("supervisor") : (i == 14 ? QStringLiteral("field") : QStringLiteral("agent")),
                group.id});
        }
        t.agents.append(
            {QStringLiteral("a-admin"), QStringLiteral("admin"), u("系统管理员"), QStringLiteral("admin"), QString()});
        const auto cat
            = [&t](const char* id, const char* parent, const char* zh, const char* en, int order, const char* group) {
                  t.categories.append({QLatin1String(id), QLatin1String(parent), u(zh), QLatin1String(en), order, true,
                      QLatin1String(group)});
                  if (*group)
                      t.groupOfCategory.insert(QLatin1String(id), QLatin1String(group));
              };
        cat("after-sales", "", "售后", "After-sales", 1, "");
        cat("after-sales.repair", "after-sales", "产品维修", "Product repair", 1, "g-aftersales");
        cat("after-sales.return", "after-sales", "退换货", "Returns", 2, "g-aftersales");
        cat("order", "", "订单", "Orders", 2, "");
        cat("order.logistics", "order", "物流异常", "Delivery problems", 1, "g-logistics");
        cat("order.payment", "order", "支付问题", "Payment problems", 2, "g-finance");
        cat("consult", "", "咨询", "Questions", 3, "");
        cat("consult.usage", "consult", "功能使用", "How to use", 1, "g-support");
        cat("consult.price", "consult", "价格咨询", "Prices", 2, "g-support");
        cat("complaint", "", "投诉", "Complaints", 4, "");
        cat("complaint.service", "complaint", "服务投诉", "Service complaints", 1, "g-complaints");
        cat("suggestion", "", "建议", "Suggestions", 5, "");
        cat("suggestion.product", "suggestion", "产品建议", "Product ideas", 1, "g-support");
        t.fields = demoFields();
        return t;
    }();
    return team;
}

} // namespace gongdan::demo
