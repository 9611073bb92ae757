using Yishi.Demands.Domain;

namespace Yishi.Demands.Demo;

/// <summary>Where a demo demand is: a home (a real house number), a building or villager group, a road, or a public spot.</summary>
internal enum DemoWhere
{
    Home,
    Building,
    Road,
    Spot,
}

/// <summary>Urban communities, villages, or both.</summary>
internal enum DemoSetting
{
    Both,
    Urban,
    Village,
}

/// <summary>
/// One kind of demand the demo district receives: how it is worded (placeholders <c>{at}</c> place,
/// <c>{grp}</c> group, <c>{n}</c> a small number, <c>{days}</c> a few days), how it is triaged
/// (三事分流, 五大议事内容, 十必议), which department handles it when it climbs the ladder, and what the
/// handlers reply. Weights are relative frequencies; peak months (China time) double them. Spots, when
/// given, are the public places the kind of demand is about (<c>{grp}</c> allowed); otherwise a general list.
/// </summary>
internal sealed record DemoDemandTemplate(
    string Key, int Weight, DemoSetting Setting, DemoWhere Where,
    Ownership Ownership, ContentCategory Content, MustDeliberateCategory? MustDeliberate,
    double UrgentShare, string? Unit, bool OnSpot, bool Deliberable, int[] PeakMonths,
    string[] Texts, string[] Replies, string? Resolution = null, string? IssueTitle = null, string[]? Spots = null);

internal static class DemoDemandTemplates
{
    private static readonly int[] Summer = [6, 7, 8];
    private static readonly int[] Rainy = [4, 5, 6, 7, 8];
    private static readonly int[] Winter = [11, 12, 1, 2];
    private static readonly int[] None = [];

    /// <summary>The departments of <see cref="Platform.Demo.DemoDirectory.Departments"/> and what they answer for.</summary>
    public static readonly Dictionary<string, string> Duties = new()
    {
        ["zhujian"] = "住房和城乡建设：老旧小区改造、屋面防水、加装电梯审批、供水与燃气管网、危房改造。",
        ["minzheng"] = "民政：最低生活保障、临时救助、养老服务与高龄津贴、残疾人两项补贴、社会组织。",
        ["chengguan"] = "城市管理：市容环卫与垃圾清运、路灯与井盖、占道经营、违法建设、施工噪音与油烟、流浪犬。",
        ["jiaotong"] = "交通运输：道路与农村公路养护、公交线路与站台、校园周边交通设施。",
        ["weijian"] = "卫生健康：家庭医生签约、社区卫生服务与村卫生室、爱国卫生与病媒消杀、疫苗接种。",
    };

    public static readonly DemoDemandTemplate[] All =
    [
        new("roof_leak", 9, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0.03, "zhujian", false, false, Rainy,
            [
                "{at}楼顶防水层老化，一下雨顶楼住户家里就漏水，天花板和墙面都发霉了，希望尽快维修。",
                "{at}顶楼漏水好几年了，连续下了{days}天雨，卧室滴水要拿盆接，请帮忙协调屋面维修。",
                "老旧小区{at}屋顶漏水严重，顶层{n}户都受影响，自己修不了，请社区反映上去统一修缮。",
                "{at}楼顶隔热层开裂，雨水顺着外墙渗进屋里，墙皮大片脱落，漏水处靠近电线，很担心。",
            ],
            [
                "已联系维修单位对{at}屋面进行防水补漏，经雨天检查不再漏水。",
                "已纳入老旧小区屋面防水改造计划，施工队已完成{at}屋顶防水层重做。",
                "社区协调物业动用专项维修资金，已完成楼顶防水修补并回访顶楼住户。",
            ],
            IssueTitle: "{at}等楼栋楼顶漏水"),
        new("pipe_leak", 5, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0.1, "zhujian", true, false, None,
            [
                "{at}楼道公共水管接头漏水，地面长期积水，老人走路容易滑倒。",
                "{at}一楼的公共供水管破裂漏水，水一直往外冒，浪费很大，请尽快派人来修。",
                "{at}楼道水表箱漏水，水流到电表箱附近，担心有安全隐患。",
            ],
            [
                "已通知物业和供水公司更换破损管段，漏水已止住，楼道积水已清理。",
                "维修人员已更换水表箱内老化阀门，并清理了楼道积水。",
            ]),
        new("upstairs_leak", 5, DemoSetting.Urban, DemoWhere.Home, Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.NeighbourDisputes,
            0, null, false, false, None,
            [
                "{at}卫生间天花板渗水，怀疑是楼上防水坏了，和楼上邻居沟通了几次都不配合，请社区帮忙调解。",
                "楼上住户装修后，我家（{at}）厨房顶上一直漏水，找对方没人开门，请帮忙协调。",
                "{at}楼上阳台和空调冷凝水漏水滴到我家窗台，说了多次没改，希望社区出面。",
            ],
            [
                "社区调解员和楼长上门协调，楼上住户同意修补卫生间防水，费用自行承担，双方签订调解协议。",
                "已联系楼上业主约定时间上门检查，漏点已修复，回访不再渗水。",
            ]),
        new("street_light", 8, DemoSetting.Both, DemoWhere.Road, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0.02, "chengguan", false, false, Winter,
            [
                "{at}有{n}盏路灯不亮，晚上一片漆黑，老人和孩子出门不安全。",
                "{at}路灯坏了{days}天了，晚上下班回家只能摸黑走路，请尽快修复。",
                "{at}的路灯时亮时不亮，附近还有一根灯杆歪了，希望派人看看。",
            ],
            [
                "已通知路灯维护单位更换灯具，经夜间复查路灯已正常亮灯。",
                "已更换损坏的镇流器和灯泡，歪斜灯杆已加固。",
            ],
            IssueTitle: "{at}路灯成片不亮"),
        new("corridor_light", 4, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0, null, true, false, Winter,
            [
                "{at}楼道声控灯坏了，晚上上下楼看不见，有老人摔过一次。",
                "{at}{n}楼到顶楼的楼道灯都不亮，请物业换一下灯泡。",
            ],
            [
                "网格员已联系物业更换楼道声控灯{n}盏，现已正常。",
                "已现场更换楼道灯泡并检查线路。",
            ]),
        new("rubbish", 9, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.Environment,
            0.02, "chengguan", true, false, Summer,
            [
                "{at}的垃圾桶满了好几天没人清运，天气热臭味很大，还招苍蝇。",
                "{at}的垃圾清运不及时，垃圾袋都堆到路上了，请增加清运次数。",
                "{at}附近有人乱倒建筑垃圾，堆了一大堆，影响通行和环境卫生。",
            ],
            [
                "已协调环卫公司当天清运，并将该点清运频次调整为每日两次。",
                "建筑垃圾已清理，并在该处设置禁止倾倒提示牌，网格员加强巡查。",
            ],
            Spots: ["垃圾分类亭", "{grp}垃圾堆放点", "农贸市场后门", "路口垃圾收集点"]),
        new("rubbish_sorting", 4, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.Environment,
            0, null, true, false, None,
            [
                "{at}垃圾分类桶不够用，厨余垃圾经常溢出来，建议增加桶位。",
                "{at}很多居民不按分类投放垃圾，分类亭周边又脏又乱，建议加强宣传和督导。",
            ],
            [
                "已增设分类桶{n}组，志愿者在投放高峰时段值守督导。",
                "社区组织垃圾分类宣传进楼栋，张贴投放指引，卫生状况已改善。",
            ]),
        new("parking", 8, DemoSetting.Urban, DemoWhere.Spot, Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.DailyManagement,
            0.02, null, false, true, None,
            [
                "{at}乱停车严重，消防通道和小区出入口都被堵住，救护车都进不来。",
                "{at}晚上车辆乱停乱放，早上车开不出去，希望规划停车位、规范停车管理。",
                "外来车辆长期占用{at}的停车位，本小区居民没地方停车，请社区想想办法。",
            ],
            [
                "社区联合物业施划停车位{n}个，设置禁停标识，安排专人夜间巡查。",
                "已通知车主挪车并张贴告知书，物业对外来车辆实行登记管理，停车秩序好转。",
            ],
            Resolution: "居民代表会议表决通过小区停车管理方案：施划车位、外来车辆临时收费，收益用于小区公共维修。",
            IssueTitle: "{at}停车难、乱停车",
            Spots: ["小区北门", "小区主干道", "地下车库入口", "{grp}楼下空地"]),
        new("ebike_charging", 5, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Law, MustDeliberateCategory.PublicSecurity,
            0.05, null, true, false, None,
            [
                "{at}有住户把电动车推进楼道充电，还从窗户拉飞线，存在火灾隐患。",
                "{at}楼道里停满了电动车，晚上还在充电，担心起火，请社区管一管。",
            ],
            [
                "社区联合物业开展电动车违规充电整治，清理楼道电动车{n}辆，并在小区增设集中充电桩。",
                "已上门劝导拆除飞线，住户承诺到集中充电点充电。",
            ]),
        new("neighbour_noise", 7, DemoSetting.Both, DemoWhere.Home, Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.NeighbourDisputes,
            0, null, false, false, None,
            [
                "{at}楼上住户每天夜里十一二点还在拖桌椅、跺脚，噪音严重影响休息，沟通无效。",
                "{at}隔壁邻居养的狗整夜叫，家里老人孩子都睡不好觉，请帮忙协调。",
                "邻居在{at}旁边开了加工小作坊，机器噪音从早响到晚，邻里关系闹得很僵。",
            ],
            [
                "社区调解员、楼长上门调解，双方达成互谅协议，楼上住户加铺地垫并注意作息时间。",
                "已约谈养犬户，承诺夜间将犬只关在室内，回访噪音已明显减少。",
                "经调解，作坊调整了作业时间，中午和夜间不再开机。",
            ]),
        new("square_dance", 4, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.NeighbourDisputes,
            0, null, false, true, Summer,
            [
                "{at}每天晚上跳广场舞，音响开得很大，一直跳到九点多，附近住户和学生受不了。",
                "{at}早上六点就有人放音乐锻炼，声音太吵，希望规定活动时间和音量。",
            ],
            [
                "社区与舞蹈队协商，约定音量上限和活动时间，安排志愿者监督，噪音问题已缓解。",
            ],
            Resolution: "议事会协商确定：广场舞活动时间为19:00至20:30，音量不超过55分贝，由舞蹈队队长负责。",
            Spots: ["文化广场", "健身广场", "小区中心花园", "党群服务中心门前空地"]),
        new("dog_leash", 4, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.DailyManagement,
            0, null, true, false, None,
            [
                "{at}经常有人遛狗不拴绳，狗粪也不清理，孩子被吓到好几次。",
                "{at}有大型犬没拴绳到处乱跑，差点咬到老人，请加强文明养犬管理。",
            ],
            [
                "社区开展文明养犬宣传，张贴提示牌，对多次违规的养犬户上门约谈。",
            ],
            Spots: ["小区中心花园", "健身广场", "滨河步道", "儿童游乐区"]),
        new("stray_dogs", 3, DemoSetting.Both, DemoWhere.Spot, Ownership.Government, ContentCategory.SocialEthos, MustDeliberateCategory.PublicSecurity,
            0.06, "chengguan", false, false, None,
            [
                "{at}附近有{n}条流浪狗聚集，晚上追人狂吠，孩子上学都不敢走这条路。",
                "{at}的流浪狗越来越多，还咬伤过一位老人，请相关部门处理。",
            ],
            [
                "城管部门已联合动物收容机构捕捉流浪犬{n}只，送往收容中心。",
            ],
            Spots: ["{grp}", "农贸市场", "学校旁的小路", "滨河步道"]),
        new("fitness", 5, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0, null, false, false, None,
            [
                "{at}的健身器材坏了{n}件，螺丝松动、转盘卡住，老人锻炼有危险。",
                "{at}的漫步机和扭腰器断裂了，孩子在上面玩容易受伤，请尽快维修或拆除。",
            ],
            [
                "已联系体育器材维保单位更换损坏部件，并张贴安全使用须知。",
                "损坏器材已拆除，新器材已安装到位。",
            ],
            Spots: ["健身广场", "小区中心花园", "文化广场", "老年活动中心门前"]),
        new("green_space", 4, DemoSetting.Urban, DemoWhere.Spot, Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.Environment,
            0, null, false, true, [3, 4, 5],
            [
                "{at}的公共绿地被个别居民开垦种菜，还浇粪水，臭味大，影响环境。",
                "{at}绿化带多年没人管，杂草丛生，蚊虫很多，希望重新补种绿植。",
            ],
            [
                "社区劝导居民清除毁绿种菜{n}处，已补种绿植并落实物业养护。",
            ],
            Resolution: "居民议事会决定：公共绿地恢复绿化，推行“认养绿地”，由志愿者分片养护。",
            Spots: ["小区中心花园", "{grp}楼前", "沿河绿化带"]),
        new("tree", 4, DemoSetting.Both, DemoWhere.Road, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.Environment,
            0.1, null, false, false, [4, 5, 6, 7],
            [
                "{at}的大树枝叶太茂密，挡住了低层住户的采光，台风天还怕砸到人。",
                "{at}有棵树枯死了，树干已经倾斜，随时可能倒下，很危险。",
            ],
            [
                "已联系园林养护单位修剪树枝，消除安全隐患。",
                "枯树已砍伐清运，并补种新苗。",
            ]),
        new("sewer", 7, DemoSetting.Both, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.Environment,
            0.15, "zhujian", false, false, Rainy,
            [
                "{at}下水道堵塞，污水从井盖冒出来，臭气熏天，一楼住户家里都返水了。",
                "{at}的排水沟堵了，一下雨就积水，路面淹到脚踝。",
                "{at}化粪池满了往外溢，味道很大，请尽快安排清掏。",
            ],
            [
                "已安排疏通车清掏下水管道，污水已排净，路面已冲洗消毒。",
                "已清理排水沟淤泥，并更换破损的雨水篦子。",
            ],
            IssueTitle: "{at}下水道反复堵塞"),
        new("property_service", 5, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Law, MustDeliberateCategory.ResidentInterests,
            0, null, false, true, None,
            [
                "{at}物业费上涨没有提前公示，物业服务也不到位，居民有意见，希望社区主持协商。",
                "小区物业收了停车费和广告费，从来没公开过账目，{at}的业主要求公示公共收益。",
                "{at}的物业公司要撤场，后面没人管理了，居民很担心。",
            ],
            [
                "社区组织业主代表与物业公司座谈，物业承诺公示收支明细并限期整改服务问题。",
            ],
            Resolution: "业主代表会议决议：物业费标准维持不变，公共收益每季度公示一次，由业委会监督。"),
        new("elevator_install", 5, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.ResidentInterests,
            0, "zhujian", false, true, None,
            [
                "{at}是老旧多层楼，楼里老人多，爬楼困难，希望申请加装电梯。",
                "{at}想加装电梯，低楼层住户不同意，高层住户很着急，请社区帮忙协调意见。",
                "听说有加装电梯的补贴政策，{at}的居民想了解申请流程和费用分摊办法。",
            ],
            [
                "社区组织楼栋协商会，全体业主签署加装电梯协议，已报住建部门审批并开工建设。",
                "已向居民解读加装电梯补贴政策，协助成立楼栋加梯小组并提交申请材料。",
            ],
            Resolution: "楼栋议事会表决通过加装电梯方案：按楼层系数分摊费用，低楼层住户获适当补偿。"),
        new("elevator_broken", 4, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicSecurity,
            0.45, null, false, false, None,
            [
                "{at}的电梯又坏了，已经停运{n}天，楼上有行动不便的老人下不了楼。",
                "{at}电梯运行时异响、抖动，还困过人，大家都不敢坐，请尽快检修。",
            ],
            [
                "已督促维保单位检修电梯，更换曳引钢丝绳，经检测合格后恢复运行。",
            ],
            IssueTitle: "{at}电梯频繁故障"),
        new("water_pressure", 5, DemoSetting.Both, DemoWhere.Building, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood,
            0.03, "zhujian", false, false, Summer,
            [
                "{at}水压太低，用水高峰时楼上和地势高的住户基本没水，热水器都打不着火。",
                "{at}自来水水压不足已经{days}天了，洗澡做饭都困难。",
                "{at}一到夏天晚上就没水，希望改造供水管网或者加装增压设备。",
            ],
            [
                "供水公司已对片区管网进行改造并加装二次供水增压泵，水压恢复正常。",
                "已更换片区老化供水主管，高峰时段水压达标。",
            ],
            IssueTitle: "{at}水压不足"),
        new("water_outage", 3, DemoSetting.Both, DemoWhere.Building, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood,
            0.35, "zhujian", false, false, None,
            [
                "{at}突然停水，没有任何通知，已经停了{n}个小时了，家里老人孩子没水用。",
                "{at}的自来水发黄、有异味，不敢喝，请检测水质。",
            ],
            [
                "供水公司已抢修破裂主管并恢复供水，水质检测结果合格。",
            ]),
        new("gas_connection", 5, DemoSetting.Both, DemoWhere.Building, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood,
            0, "zhujian", false, false, Winter,
            [
                "{at}一直没通天然气，还在用罐装液化气，不方便也不安全，希望尽快开通燃气。",
                "我们周边的楼都通了燃气，就{at}没通，请问什么时候能安装？",
                "{at}已经报装燃气{n}个月了，一直没有施工，请帮忙催一下。",
            ],
            [
                "燃气公司已完成管道铺设和入户安装，{at}已正式通气。",
                "已纳入今年燃气管网延伸计划，施工完成后居民已开通使用。",
            ]),
        new("gas_smell", 2, DemoSetting.Urban, DemoWhere.Building, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicSecurity,
            0.9, "zhujian", false, false, Winter,
            [
                "{at}楼道里有很重的燃气味，怀疑管道漏气，请马上派人来！",
                "{at}燃气表附近闻到煤气味，已经开窗通风，请紧急处理。",
            ],
            [
                "燃气公司抢修人员到场检测，更换漏气的阀门接口，已排除险情。",
            ]),
        new("elderly_meals", 5, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.Livelihood,
            0, "minzheng", false, true, None,
            [
                "社区老人多，很多是独居，希望在{at}附近办一个老年助餐点，解决老人吃饭难。",
                "{at}长者食堂的饭菜偏咸、品种少，老人们希望改善一下，价格也希望再优惠些。",
                "行动不便的老人去不了食堂吃饭，{at}能不能提供送餐上门服务？",
            ],
            [
                "长者食堂已调整菜单，增加低盐低油菜品，80岁以上老人享受用餐补贴。",
                "已开通老年助餐送餐上门服务，由志愿者每天中午送餐。",
            ],
            Resolution: "议事会决定在党群服务中心开办老年助餐点，由社区社会组织运营，财政补贴与个人付费结合。",
            Spots: ["党群服务中心", "老年活动中心", "长者食堂"]),
        new("elderly_alone", 3, DemoSetting.Both, DemoWhere.Home, Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.Livelihood,
            0.2, null, true, false, Winter,
            [
                "{at}住着一位独居老人，最近几天没见他出门，敲门也没人应，担心出事。",
                "{at}的独居老人腿脚不便，家里没人照顾，希望社区安排志愿者定期探访。",
            ],
            [
                "网格员和志愿者已上门探视，老人身体无恙，已纳入独居老人定期探访名单。",
            ]),
        new("subsistence", 4, DemoSetting.Both, DemoWhere.Home, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Livelihood,
            0, "minzheng", false, false, None,
            [
                "家住{at}，家里主要劳动力生病失去劳动能力，生活困难，想咨询申请低保需要什么材料。",
                "{at}的困难户低保被取消了，家里实际困难没有改变，希望重新核查。",
                "家里有重度残疾人，想了解临时救助和残疾人两项补贴怎么申请。",
            ],
            [
                "民政部门已入户核查，符合条件，已纳入低保，按月发放保障金。",
                "已指导申请临时救助，救助金已发放到位。",
            ]),
        new("pension_policy", 4, DemoSetting.Both, DemoWhere.Home, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Policy,
            0, "minzheng", true, false, [1, 2, 3],
            [
                "想咨询城乡居民养老保险今年的缴费档次和截止时间，相关政策在哪里能查到？",
                "家里老人满80岁了，高龄津贴怎么申请？需要带什么材料？",
                "请问独生子女父母奖励扶助政策怎么办理？",
            ],
            [
                "社区工作人员已当面解答政策，协助填写申请表并代为递交。",
                "已告知办理流程和所需材料，老人已在社区便民服务窗口完成申请。",
            ]),
        new("family_doctor", 3, DemoSetting.Both, DemoWhere.Home, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood,
            0, "weijian", false, false, None,
            [
                "家里老人有高血压、糖尿病，想签约家庭医生，请问怎么办理？",
                "签约的家庭医生一年都没来随访过，希望落实上门服务。",
            ],
            [
                "卫健部门已安排社区卫生服务中心家庭医生团队上门签约并建立健康档案。",
            ]),
        new("village_clinic", 3, DemoSetting.Village, DemoWhere.Spot, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood,
            0, "weijian", false, false, None,
            [
                "村卫生室经常没有医生值班，老人看个小病都要跑到镇上。",
                "村里卫生室药品太少，慢性病常用药经常缺货，希望补充。",
            ],
            [
                "卫健部门已安排乡村医生固定坐诊时间，并补充慢性病常用药品。",
            ],
            Spots: ["村卫生室"]),
        new("mosquito", 4, DemoSetting.Both, DemoWhere.Spot, Ownership.Government, ContentCategory.SocialEthos, MustDeliberateCategory.Environment,
            0, "weijian", false, false, Summer,
            [
                "{at}附近积水多，蚊子特别多，担心登革热，希望开展消杀。",
                "{at}老鼠蟑螂很多，餐馆后巷卫生很差，请组织灭鼠消杀。",
            ],
            [
                "已组织爱国卫生消杀队对片区进行灭蚊灭鼠，清理积水点{n}处。",
            ],
            Spots: ["{grp}", "农贸市场后巷", "滨河步道", "小区中心花园"]),
        new("pothole", 7, DemoSetting.Both, DemoWhere.Road, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0.06, "jiaotong", false, false, Rainy,
            [
                "{at}路面有好几个大坑，下雨积水看不见，已经有电动车摔倒了。",
                "{at}路面塌陷，坑越来越大，晚上开车很危险，请尽快修补。",
                "{at}的路面破损严重，坑坑洼洼，公交车经过时颠得厉害。",
            ],
            [
                "交通部门已安排养护队对破损路面进行修补，路面已恢复平整。",
                "已对塌陷路段进行开挖回填并重新铺设沥青。",
            ],
            IssueTitle: "{at}路面坑洼破损"),
        new("bus", 3, DemoSetting.Both, DemoWhere.Road, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0, "jiaotong", false, false, None,
            [
                "{at}公交站没有候车亭，下雨天老人孩子只能淋雨等车。",
                "希望在{at}增设公交站点，附近居民出行要走很远。",
                "{at}的公交车班次太少，早晚高峰要等四十分钟，希望加密班次。",
            ],
            [
                "交通部门已在该站点建设候车亭。",
                "经调研，公交公司已调整线路，高峰时段加密班次。",
            ]),
        new("village_road", 5, DemoSetting.Village, DemoWhere.Road, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0.03, "jiaotong", false, false, Rainy,
            [
                "{at}还是泥巴路，一下雨就没法走，农产品运不出去，希望硬化。",
                "{at}路面太窄，会车困难，弯道没有护栏，存在安全隐患。",
                "{at}路面被大车压坏了，坑洼积水，摩托车经常打滑。",
            ],
            [
                "已纳入农村公路建设计划，{at}完成硬化并加装护栏。",
                "交通部门已完成破损路段修复，并设置限载标志。",
            ],
            IssueTitle: "{at}路面破损、通行困难"),
        new("hawkers", 4, DemoSetting.Urban, DemoWhere.Road, Ownership.Government, ContentCategory.SocialEthos, MustDeliberateCategory.DailyManagement,
            0, "chengguan", false, false, Summer,
            [
                "{at}流动摊贩占道经营，早上堵得车都过不去，垃圾也乱扔。",
                "{at}的夜宵摊占用人行道，油烟大、噪音大，到凌晨还不收摊。",
            ],
            [
                "城管部门已开展占道经营整治，引导摊贩进入农贸市场规范经营。",
            ]),
        new("illegal_building", 3, DemoSetting.Both, DemoWhere.Building, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.DailyManagement,
            0, "chengguan", false, false, None,
            [
                "{at}有住户在楼顶违章搭建彩钢棚，影响其他住户，也有安全隐患。",
                "{at}有住户私自圈占公共绿地搭建小院，请依法处理。",
            ],
            [
                "城管部门已下达限期整改通知书，违章搭建已自行拆除。",
            ]),
        new("construction_noise", 3, DemoSetting.Urban, DemoWhere.Spot, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Environment,
            0, "chengguan", false, false, None,
            [
                "{at}附近工地晚上十点以后还在施工，噪音很大，严重扰民。",
                "{at}附近工地的渣土车不遮盖，沿路撒落泥土，扬尘很大。",
            ],
            [
                "城管部门已责令施工单位停止夜间施工，确需夜间施工的须办理许可并公示。",
            ],
            Spots: ["{grp}", "小区东侧", "学校旁"]),
        new("cooking_fumes", 2, DemoSetting.Urban, DemoWhere.Building, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Environment,
            0, "chengguan", false, false, None,
            [
                "{at}楼下餐馆油烟直排，熏得楼上住户不敢开窗。",
            ],
            [
                "已督促餐馆安装油烟净化设备，经检测达标排放。",
            ]),
        new("manhole", 2, DemoSetting.Both, DemoWhere.Road, Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities,
            0.7, "chengguan", false, false, None,
            [
                "{at}有个井盖丢了，晚上很危险，已经临时放了树枝做标记，请马上处理！",
                "{at}的井盖破损下沉，车一压就响，担心会塌下去。",
            ],
            [
                "城管部门已更换防坠井盖，并设置警示标志。",
            ]),
        new("school_traffic", 2, DemoSetting.Urban, DemoWhere.Road, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.PublicSecurity,
            0, "jiaotong", false, false, [9, 10],
            [
                "{at}学校门口上下学时段交通混乱，没有斑马线和减速带，孩子过马路很危险。",
            ],
            [
                "交通部门已施划斑马线、安装减速带和警示标志，上下学时段安排护学岗。",
            ]),
        new("theft", 3, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Law, MustDeliberateCategory.PublicSecurity,
            0.05, null, false, false, None,
            [
                "{at}最近接连有电动车电瓶被偷，希望加强巡逻、安装监控，治安让人担心。",
                "{at}单元门门禁坏了很久，陌生人随便进出，担心安全。",
            ],
            [
                "社区联合派出所加强夜间巡逻，在出入口加装高清监控{n}个，门禁已修复。",
            ]),
        new("fire_passage", 3, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Law, MustDeliberateCategory.PublicSecurity,
            0.25, null, true, false, None,
            [
                "{at}楼道里堆满杂物和纸箱，消防通道被占，万一着火跑不出去。",
                "{at}的消防栓没水，灭火器也过期了，请检查更换。",
            ],
            [
                "社区组织清理楼道堆放杂物，更换过期灭火器{n}具，消防栓已恢复供水。",
            ]),
        new("high_throw", 2, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.PublicSecurity,
            0.05, null, false, false, None,
            [
                "{at}经常有人从楼上往下扔垃圾，还扔过酒瓶，差点砸到人。",
            ],
            [
                "社区在楼栋张贴高空抛物警示，物业加装仰拍监控，并入户开展宣传。",
            ]),
        new("accessibility", 2, DemoSetting.Urban, DemoWhere.Building, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.ResidentInterests,
            0, null, false, false, None,
            [
                "{at}单元门口台阶太高，坐轮椅的老人出不去，希望加装无障碍坡道和扶手。",
            ],
            [
                "已在单元门口加装无障碍坡道和扶手。",
            ]),
        new("playground", 3, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.ResidentInterests,
            0, null, false, true, None,
            [
                "{at}的儿童游乐设施太少又陈旧，孩子放学没地方玩，希望增设。",
                "{at}的滑梯生锈开裂，孩子玩的时候划伤了手，请尽快更换。",
            ],
            [
                "社区利用公共收益新建儿童游乐区一处，已投入使用。",
            ],
            Resolution: "居民议事会决定：利用小区公共收益更新儿童游乐设施，方案和账目在公示栏公开。",
            Spots: ["小区中心花园", "儿童游乐区", "文化广场"]),
        new("irrigation", 4, DemoSetting.Village, DemoWhere.Spot, Ownership.Community, ContentCategory.Development, MustDeliberateCategory.Livelihood,
            0.05, null, false, true, [3, 4, 5, 6],
            [
                "{grp}田垌的灌溉水渠堵塞垮塌，春耕马上要用水，田里放不进水。",
                "{grp}的山塘漏水，蓄不住水，今年旱季灌溉成问题。",
            ],
            [
                "村里组织劳力清淤修复水渠{n}百米，已恢复灌溉。",
            ],
            Resolution: "村民代表会议决议：由村集体出资、群众投工投劳修复水渠，由组长负责质量监督。",
            Spots: ["{grp}田垌"]),
        new("village_rubbish", 4, DemoSetting.Village, DemoWhere.Spot, Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.Environment,
            0, null, true, false, Summer,
            [
                "{at}的垃圾池满了没人清理，风一吹垃圾到处飞，希望定期清运。",
                "村里有人往河沟里倒垃圾，{grp}那一段河道堵得很厉害。",
            ],
            [
                "已安排保洁员清运并清理河道垃圾，纳入村规民约监督。",
            ],
            Spots: ["{grp}垃圾收集池", "村口垃圾池", "河边垃圾池"]),
        new("customs", 3, DemoSetting.Village, DemoWhere.Spot, Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.DailyManagement,
            0, null, false, true, [1, 2, 10],
            [
                "村里红白喜事大操大办、互相攀比，人情负担太重，建议村里定个标准。",
                "有村民办酒席占用村道搭棚，连续几天车辆过不去。",
            ],
            [
                "村红白理事会上门劝导，倡导简办喜事，路面棚架已及时拆除。",
            ],
            Resolution: "村民代表会议通过移风易俗村规民约：红白喜事宴席不超过15桌，礼金不超过200元。",
            Spots: ["文化广场"]),
        new("land_dispute", 3, DemoSetting.Village, DemoWhere.Home, Ownership.Community, ContentCategory.Law, MustDeliberateCategory.NeighbourDisputes,
            0, null, false, false, None,
            [
                "和邻居因为宅基地边界有争议，对方砌墙占了我家{n}米地，纠纷闹了很久，请村里调解。",
                "{at}两户人家为田埂和排水问题吵了好几次，差点动手，希望村里出面。",
            ],
            [
                "村调委会组织双方现场测量，依据确权资料划定边界，双方签订调解协议。",
            ]),
        new("civility", 2, DemoSetting.Both, DemoWhere.Spot, Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.ResidentDemands,
            0, null, true, false, None,
            [
                "建议社区评选文明家庭、好婆婆好媳妇，弘扬好家风好民风。",
                "希望在{at}设一个“好人榜”，宣传身边孝老爱亲、热心助人的邻居。",
            ],
            [
                "社区已将建议纳入年度文明家庭评选活动，评选结果在{at}公示。",
            ],
            Spots: ["党群服务中心", "文化广场", "公示栏旁"]),
        new("wage_arrears", 2, DemoSetting.Both, DemoWhere.Spot, Ownership.Government, ContentCategory.Law, MustDeliberateCategory.SocialStability,
            0.05, null, false, false, [12, 1],
            [
                "我们{n}个老乡在附近工地干活，包工头拖欠工资{days}个月不给，请帮忙讨薪。",
                "在{at}附近的装修队打工，老板跑了，工钱没结，不知道该找谁。",
            ],
            [
                "街道劳动保障所联合人社部门约谈施工方，拖欠工资已全额支付。",
            ],
            Spots: ["和溪大道", "滨江路", "建设路"]),
        new("home_repair", 5, DemoSetting.Both, DemoWhere.Home, Ownership.Personal, ContentCategory.Harmony, MustDeliberateCategory.ResidentDemands,
            0, null, false, false, None,
            [
                "自家（{at}）的水管老化漏水，想找个靠谱的维修师傅，社区能推荐吗？",
                "自家电路老化经常跳闸，不知道找谁来修，收费怎么样？",
                "自家卫生间下水堵了，请问社区有没有便民维修服务？",
            ],
            [
                "已推荐社区便民维修服务队的联系方式，并告知收费标准。",
                "已告知可通过社区“邻里帮”志愿维修队预约上门维修。",
            ]),
        new("family_matters", 3, DemoSetting.Both, DemoWhere.Home, Ownership.Personal, ContentCategory.Morality, MustDeliberateCategory.ResidentDemands,
            0, null, false, false, None,
            [
                "家里子女不愿意赡养老人，老人生活困难，想请社区帮忙做做工作。",
                "家里兄弟为老房子分配闹矛盾，想咨询法律是怎么规定的。",
            ],
            [
                "已邀请社区法律顾问解答继承相关法律规定，建议家庭协商或申请人民调解。",
                "社区调解员与子女沟通，子女同意按月支付赡养费并轮流照顾老人。",
            ]),
        new("job_seeking", 3, DemoSetting.Both, DemoWhere.Home, Ownership.Personal, ContentCategory.Development, MustDeliberateCategory.ResidentDemands,
            0, null, false, false, [2, 3, 7],
            [
                "刚从外地回来，想在附近找份工作，社区有没有招聘信息？",
                "家里孩子大学毕业还没找到工作，想了解就业补贴和技能培训。",
            ],
            [
                "已推送辖区企业招聘信息，并推荐参加街道免费技能培训班。",
            ]),
        new("old_house", 2, DemoSetting.Village, DemoWhere.Home, Ownership.Personal, ContentCategory.Harmony, MustDeliberateCategory.ResidentDemands,
            0.05, null, false, false, Rainy,
            [
                "自家老房子（{at}）墙体开裂，担心下雨垮塌，想问问能不能申请危房改造。",
            ],
            [
                "已告知危房改造申请条件和流程，指导先请有资质的人员鉴定房屋安全。",
            ]),
    ];

    /// <summary>Comments residents leave when they are not satisfied.</summary>
    public static readonly string[] Dissatisfied =
    [
        "只是临时处理了一下，问题没有根本解决。",
        "处理太慢了，拖了很久才有人来。",
        "修好没几天又出现同样的问题。",
        "没有人上门查看，只打了个电话就说办好了。",
        "答复不清楚，问题依旧存在。",
    ];

    public static readonly string[] Praise = ["处理很及时，点赞！", "感谢社区！", "工作人员态度很好。", "问题解决了，谢谢。", "比以前快多了。"];

    public static readonly string[] ReviewPassed =
    [
        "回头议：议事团现场查看，整改到位，群众满意。",
        "回头议：电话回访当事人，表示满意。",
        "回头议：议事团复查，问题已解决，没有反弹。",
        "回头议：入户回访，居民认可办理结果。",
    ];

    public static readonly string[] ReviewFailed =
    [
        "回头议：现场复查问题反弹，群众仍不满意，重新交办。",
        "回头议：整改不彻底，议事团要求重新办理。",
    ];

    public static readonly string[] CloseWithoutReview =
    [
        "当事人已电话确认满意，免于回头议。",
        "当事人已搬离本社区，无法回访，按办结销号。",
        "问题已随片区改造一并解决，销号。",
    ];

    public static readonly string[] Dismiss =
    [
        "重复提交，已在先前的诉求中办理。",
        "测试信息，非群众诉求。",
        "内容与本辖区无关，已告知来电人拨打相关热线。",
        "广告信息，作无效处理。",
    ];

    /// <summary>Why a must-deliberate demand needed no resolution, as secretaries write it.</summary>
    public static readonly string[] Exemptions =
    [
        "属个案维修，不涉及公共资金和多数居民利益，免于上会。",
        "紧急情况已先行处置，事后向两委会通报，免于议事。",
        "已有议事会决议覆盖同类事项，按原决议执行。",
        "属政策咨询，按规定答复即可，无需议事。",
    ];

    public static readonly string[] FollowUp =
    [
        "经回访，问题已在指引下自行解决。",
        "经回访，居民已联系相关服务，问题已解决。",
        "回访确认：居民表示已按指引办理完毕。",
    ];
}
