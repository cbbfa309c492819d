#!/usr/bin/env python3
"""Generate the bundled demo site (青石镇, a fictional township) into input/.

Standard library only (Python 3.11+). Deterministic: every random choice comes from one
random.Random(2026) consumed in a fixed order, so re-running produces byte-identical files.

    python3 tools/demo/generate_demo.py            # rewrite input/ (deletes it first)
    python3 tools/demo/generate_demo.py --out DIR  # write somewhere else
    python3 tools/demo/generate_demo.py --check    # only check an existing input/ (no writing)

The deliberate problems (late, missing, nil, correction, embargo, withdrawal, overdue decision,
stale commitments, merged village) are declared in the tables near the top of this file and
described in docs/demo.md together with the finding each one must produce at --as-of 2026-11-24.
All money is computed with decimal.Decimal; every ledger balances to the fen.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 24)
HOTLINE = "0591-2345678"
CENT = Decimal("0.01")

# --------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------

QUARTER_CN = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
HALF_CN = {1: "上半年", 2: "下半年"}


@dataclass(frozen=True)
class Per:
    code: str

    @property
    def year(self) -> int:
        return int(self.code[:4])

    @property
    def kind(self) -> str:
        return {"Q": "quarter", "H": "half"}[self.code[5]]

    @property
    def index(self) -> int:
        return int(self.code[6:])

    @property
    def months(self) -> int:
        return 3 if self.kind == "quarter" else 6

    @property
    def start(self) -> date:
        return date(self.year, (self.index - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        m = self.index * self.months
        nxt = date(self.year + (m == 12), m % 12 + 1, 1)
        return nxt - timedelta(days=1)

    @property
    def deadline(self) -> date:
        e = self.end
        return date(e.year + (e.month == 12), e.month % 12 + 1, 20)

    @property
    def label(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}年{QUARTER_CN[self.index]}"
        return f"{self.year}年{HALF_CN[self.index]}"

    @property
    def h1(self) -> bool:
        return self.kind == "half" and self.index == 1


QUARTERS = [Per(c) for c in ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")]
HALVES = [Per(c) for c in ("2025-H1", "2025-H2", "2026-H1")]

# --------------------------------------------------------------------------------------------
# Catalogue (mirrors seeds/sanwu.yaml)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    id: str
    level: str
    schedule: str  # quarter | half
    h1_only: bool = False
    table: str | None = None

    @property
    def slug(self) -> str:
        head, tail = self.id.split(".", 1)
        return f"party-{tail}" if head == "party" else tail


CATALOGUE = [
    # village party (half-year)
    Item("party.decisions", "village", "half"),
    Item("party.plan", "village", "half", h1_only=True),
    Item("party.review", "village", "half", h1_only=True),
    Item("party.dues", "village", "half", table="ledger"),
    Item("party.members", "village", "half"),
    Item("party.aid-fund", "village", "half", table="ledger"),
    Item("party.hardship", "village", "half", table="roster"),
    # village (quarter)
    Item("village.finance", "village", "quarter", table="ledger"),
    Item("village.assets", "village", "quarter", table="ledger"),
    Item("village.public-works", "village", "quarter"),
    Item("village.contracts", "village", "quarter"),
    Item("village.land", "village", "quarter"),
    Item("village.construction-funds", "village", "quarter", table="ledger"),
    Item("village.subsidies", "village", "quarter", table="roster"),
    Item("village.welfare", "village", "quarter", table="roster"),
    # township party (half-year)
    Item("party.plan", "township", "half", h1_only=True),
    Item("party.performance", "township", "half"),
    Item("party.democratic-life", "township", "half"),
    Item("party.decisions", "township", "half"),
    Item("party.integrity", "township", "half"),
    Item("party.members-dues", "township", "half"),
    Item("party.cadres", "township", "half"),
    Item("party.hardship", "township", "half", table="roster"),
    # township gov (quarter)
    Item("gov.leaders", "township", "quarter"),
    Item("gov.plans-budget", "township", "quarter"),
    Item("gov.finance", "township", "quarter", table="ledger"),
    Item("gov.procurement", "township", "quarter"),
    Item("gov.enterprises", "township", "quarter"),
    Item("gov.land", "township", "quarter"),
    Item("gov.welfare", "township", "quarter", table="roster"),
    Item("gov.projects", "township", "quarter"),
    Item("gov.personnel", "township", "quarter"),
    Item("gov.fees", "township", "quarter"),
    # community (quarter)
    Item("community.plans", "community", "quarter"),
    Item("community.work", "community", "quarter"),
    Item("community.finance", "community", "quarter", table="ledger"),
    Item("community.major-issues", "community", "quarter"),
]

# --------------------------------------------------------------------------------------------
# Deliberate cases (documented in docs/demo.md)
# --------------------------------------------------------------------------------------------

# (unit, period, item) -> self-declared published date, after the deadline
LATE = {
    ("xiba", "2025-Q3", "village.finance"): date(2025, 11, 5),
    ("nanxi", "2026-H1", "party.dues"): date(2026, 8, 12),
    ("qingshi", "2026-Q2", "gov.procurement"): date(2026, 7, 24),
    ("jiefang", "2025-Q4", "community.finance"): date(2026, 2, 9),
    ("beiling", "2026-Q3", "village.welfare"): date(2026, 11, 18),
    ("shangyuan", "2025-H2", "party.members"): date(2026, 2, 28),
}

# (unit, period, item) with no file at all: 缺报
MISSING = {
    ("dongshan", "2025-Q2", "village.contracts"),
    ("laowu", "2025-Q3", "village.subsidies"),
    ("qingshi", "2025-Q4", "gov.fees"),
    ("beiling", "2026-H1", "party.review"),
    ("jiefang", "2026-Q2", "community.major-issues"),
    ("hetang", "2026-Q3", "village.public-works"),
}

# (unit, period, item) -> nil reason: an explicit "nothing to disclose" report
NIL = {
    ("dongshan", "2025-Q1", "village.land"): "本季度无土地流转事项",
    ("xiba", "2025-Q4", "village.land"): "本季度无征地补偿、土地流转和宅基地审批事项",
    ("nanxi", "2026-Q1", "village.contracts"): "本季度无集体资产资源承包、租赁、出售、转让事项",
    ("shangyuan", "2026-Q2", "village.land"): "本季度无土地流转事项",
    ("hetang", "2025-Q2", "village.contracts"): "本季度无新增承包、租赁事项",
    ("qingshi", "2025-Q3", "gov.enterprises"): "本季度无乡镇经济实体承包、租赁、拍卖事项",
    ("beiling", "2025-H2", "party.members"): "本半年无发展党员和党员奖惩事项",
    ("laowu", "2025-Q4", "village.public-works"): "本季度为村庄撤并过渡期,无新建公益事业项目",
}

# Ledgers with a different shape or encoding (all still correct data)
LEDGER_ENCODING = {"xiba": "gb18030", "nanxi": "utf-8-sig"}
THOUSANDS_UNIT = "beiling"          # amounts written 1,234.50
ALIAS_YUAN_UNIT = "shangyuan"       # 收入(元),支出(元)
ALIAS_SHORT_UNIT = "hetang"         # 时间,事由,收入金额,支出金额
AMOUNT_WORDS = ("dongshan", "village.construction-funds")  # 大写金额 column
STALE_COMMITMENTS = "hetang"        # commitments.md still says year: 2025
CORRECTED_ROW: list = []            # filled while generating dongshan 2026-Q2 finance

# --------------------------------------------------------------------------------------------
# Units and people
# --------------------------------------------------------------------------------------------

TOWNSHIP_ID = "qingshi"


@dataclass
class UnitInfo:
    id: str
    name: str
    level: str
    code: str
    clerk: str
    until: str = ""
    industry: str = ""
    groups: int = 0
    households: int = 0
    members: int = 0
    assets: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    office: str = ""
    leader: str = ""         # 包村领导
    leader_title: str = ""
    residents: list[str] = field(default_factory=list)  # 驻村干部
    secretary: str = ""
    director: str = ""
    supervisor: str = ""
    members_list: list[str] = field(default_factory=list)  # other 两委 members
    opening: Decimal = Decimal("0")


VILLAGE_DEFS = [
    # id, name, industry, assets, projects
    ("dongshan", "东山村", "茶叶", ["村部一楼临街店面", "集体茶叶加工厂房", "东坑鱼塘"],
     ["村主干道硬化工程", "溪边护岸加固", "村部卫生间改造", "文化广场路灯安装", "灌溉水渠清淤", "老人活动中心修缮", "茶园机耕路拓宽"]),
    ("xiba", "西坝村", "水稻", ["西坝水库养殖水面", "村集体仓库", "光伏发电屋顶"],
     ["机耕路修复", "拦河坝维修", "村小学操场围墙", "农田灌溉泵站更新", "自然村饮水管网改造", "垃圾收集点建设", "村道会车平台"]),
    ("nanxi", "南溪村", "柑橘", ["柑橘育苗基地", "村部二楼出租办公室", "集体鱼塘两口"],
     ["溪道清淤疏浚", "村道安全护栏安装", "公厕改造", "柑橘园生产便道", "村卫生所屋面翻修", "漫水桥加固", "健身步道铺设"]),
    ("beiling", "北岭村", "毛竹", ["集体毛竹林", "竹制品加工场地", "村部临街店面"],
     ["林区防火通道修整", "山塘除险加固", "村道边坡挡墙", "竹林运输便道", "村级党群服务中心改造", "自来水池扩容", "路灯太阳能改造"]),
    ("shangyuan", "上源村", "油茶", ["油茶基地承包地", "集体林场", "村委楼附属用房"],
     ["油茶基地道路", "防汛沟渠修复", "村口停车场平整", "老年食堂改造", "村庄绿化补植", "水毁道路修复", "村部屋顶防漏"]),
    ("hetang", "荷塘村", "莲子", ["莲田承包地", "集体冷库", "村部一楼店面"],
     ["荷塘步道修缮", "村道硬化延伸", "农业灌溉渠改造", "村庄污水管网接户", "村卫生室装修", "河道垃圾拦截网", "村部围墙修缮"]),
]
LAOWU_DEF = ("laowu", "老屋村", "水稻", ["村集体晒谷场", "旧村部用房"],
             ["村道坑洼修补", "饮水池清洗消毒", "祠堂前空地平整", "排水沟疏通"])

SURNAMES = list("林陈黄郑吴刘王张李杨何罗叶周蔡余江魏游邱苏潘谢詹卢翁萧")
GIVEN = ["建国", "建华", "文斌", "志强", "秀英", "丽华", "海涛", "明辉", "国庆", "玉兰", "春梅", "德昌", "永福", "金水",
         "长青", "丽萍", "晓燕", "秋生", "荣光", "振兴", "宏伟", "俊杰", "国栋", "志坚", "秀琴", "美玲", "少华", "雪梅",
         "瑞华", "金生", "水生", "银花", "清泉", "炳南", "桂香", "淑珍", "伟", "平", "芳", "斌", "强", "军", "勇", "杰",
         "敏", "静", "红", "辉", "峰", "鹏", "娟", "霞", "松", "涛"]
MASK_LAST = list("华明英芳强平军辉峰兰梅珍生福贵荣香琴勇杰")


class Names:
    """Fictional names for public officials (no masking needed) and masked villagers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def full(self) -> str:
        while True:
            name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
            if name not in self.used:
                self.used.add(name)
                return name

    def masked(self) -> str:
        s = self.rng.choice(SURNAMES)
        last = self.rng.choice(MASK_LAST)
        return f"{s}*{last}" if self.rng.random() < 0.85 else f"{s}*"


def masked_id(rng: random.Random) -> str:
    last = f"{rng.randint(0, 999):03d}" + rng.choice("0123456789X")
    return "350100" + "*" * 8 + last


# --------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------

DIG = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ["", "拾", "佰", "仟"]
BIG_UNITS = ["", "万", "亿", "万亿"]


def _group_words(g: int) -> str:
    out, zero = "", False
    for pos in (3, 2, 1, 0):
        d = g // 10 ** pos % 10
        if d == 0:
            if out:
                zero = True
        else:
            if zero:
                out += "零"
                zero = False
            out += DIG[d] + SMALL_UNITS[pos]
    return out


def amount_words(amount: Decimal) -> str:
    """Chinese uppercase money (大写金额): 5300.00 -> 伍仟叁佰元整, 1005.08 -> 壹仟零伍元零捌分."""
    cents = int((amount.quantize(CENT) * 100).to_integral_value())
    if cents < 0:
        return "负" + amount_words(-amount)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    out = ""
    if yuan:
        groups = []
        n = yuan
        while n:
            groups.append(n % 10000)
            n //= 10000
        zero = False
        for i in range(len(groups) - 1, -1, -1):
            g = groups[i]
            if g == 0:
                if out:
                    zero = True
                continue
            if out and (zero or g < 1000):
                out += "零"
            zero = False
            out += _group_words(g) + BIG_UNITS[i]
        out += "元"
    if jiao == 0 and fen == 0:
        return (out or "零元") + "整"
    if jiao:
        out += DIG[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += DIG[fen] + "分"
    else:
        out += "整"
    return out


def _selftest_amount_words() -> None:
    cases = {
        "5300.00": "伍仟叁佰元整", "1234.56": "壹仟贰佰叁拾肆元伍角陆分", "100010.00": "壹拾万零壹拾元整",
        "1005.08": "壹仟零伍元零捌分", "20000.50": "贰万元伍角整", "186400.00": "壹拾捌万陆仟肆佰元整",
        "10000001.00": "壹仟万零壹元整", "101000.00": "壹拾万壹仟元整", "0.50": "伍角整", "30.07": "叁拾元零柒分",
    }
    for k, v in cases.items():
        got = amount_words(Decimal(k))
        assert got == v, (k, got, v)


def money(rng: random.Random, lo: int, hi: int, step: int = 100, cents: bool = False) -> Decimal:
    v = Decimal(rng.randrange(lo, hi + 1, step))
    if cents:
        v += Decimal(rng.randint(0, 99)) / 100
    return v.quantize(CENT)


def fmt(amount: Decimal, thousands: bool = False) -> str:
    return f"{amount:,.2f}" if thousands else f"{amount:.2f}"


# --------------------------------------------------------------------------------------------
# Ledger transactions
# --------------------------------------------------------------------------------------------

# (summary, subject, lo, hi, step, cents?)
TX = {
    "village.finance": {
        "in": [("上级转移支付(村级组织运转经费)", "补助收入", 18000, 45000, 100, False),
               ("{asset}租金收入", "租赁收入", 3000, 24000, 50, False),
               ("村股份经济合作社分红", "投资收益", 5000, 20000, 100, False),
               ("银行存款利息", "其他收入", 30, 600, 1, True),
               ("上级拨付人居环境整治奖补", "补助收入", 5000, 20000, 500, False)],
        "out": [("村道路面坑洼维修", "公益事业支出", 3000, 18000, 10, False),
                ("办公费(打印纸、墨盒)", "管理费用", 180, 1600, 1, True),
                ("保洁员工资", "管理费用", 5400, 9000, 100, False),
                ("村部水电费", "管理费用", 260, 1800, 1, True),
                ("村干部误工补贴", "管理费用", 3000, 12000, 100, False),
                ("走访慰问困难群众", "其他支出", 1000, 5000, 100, False),
                ("路灯维修及电费", "公益事业支出", 400, 3200, 1, True),
                ("防汛物资采购", "公益事业支出", 800, 4500, 10, False),
                ("村庄环境整治(清运、绿化)", "公益事业支出", 3000, 15000, 100, False),
                ("垃圾清运费", "公益事业支出", 900, 3600, 50, False),
                ("村级网格员补贴", "管理费用", 1200, 3600, 100, False)],
    },
    "village.assets": {
        "in": [("{asset}承包费", "发包及上交收入", 4000, 30000, 100, False),
               ("{asset}租金", "租赁收入", 2000, 18000, 50, False),
               ("村集体光伏发电收益", "经营收入", 800, 5200, 1, True),
               ("收回村民借款", "应收款", 1000, 8000, 100, False)],
        "out": [("{asset}维修", "经营支出", 600, 8000, 10, False),
                ("集体资产收益分配(按股分红)", "收益分配", 5000, 30000, 100, False),
                ("偿还村道工程尾款", "应付款", 3000, 20000, 100, False),
                ("集体资产保险费", "管理费用", 300, 1500, 1, True),
                ("集体资产清查评估费", "管理费用", 800, 3000, 100, False)],
    },
    "village.construction-funds": {
        "in": [("上级拨付美丽乡村建设补助资金", "专项应付款", 30000, 120000, 1000, False),
               ("一事一议财政奖补资金", "专项应付款", 20000, 80000, 1000, False),
               ("乡村振兴衔接资金", "专项应付款", 20000, 100000, 1000, False)],
        "out": [("{project}工程进度款", "专项应付款", 8000, 60000, 100, False),
                ("{project}监理费", "专项应付款", 1200, 6000, 100, False),
                ("{project}设计费", "专项应付款", 1500, 8000, 100, False),
                ("{project}材料款(水泥、砂石)", "专项应付款", 3000, 20000, 100, False),
                ("{project}工程质保金", "专项应付款", 1000, 5000, 100, False)],
    },
    "party.dues": {
        "in": [("第{n}党小组缴纳党费", "党费收入", 120, 1200, 1, True)],
        "out": [("上缴镇党委党费", "党费上缴", 0, 0, 1, False),
                ("购买党员学习教育资料", "党员教育", 200, 900, 10, False)],
    },
    "party.aid-fund": {
        "in": [("党员自愿捐助帮扶基金", "基金收入", 500, 4000, 50, False),
               ("镇党委下拨党内关怀帮扶资金", "基金收入", 2000, 8000, 500, False),
               ("村集体划拨帮扶基金", "基金收入", 1000, 5000, 500, False)],
        "out": [("帮扶困难党员{masked}", "帮扶支出", 500, 3000, 100, False),
                ("走访慰问生病党员{masked}", "帮扶支出", 300, 1500, 100, False),
                ("“七一”慰问老党员", "帮扶支出", 1000, 4000, 100, False),
                ("春节慰问困难党员", "帮扶支出", 1000, 5000, 100, False)],
    },
    "gov.finance": {
        "in": [("县财政预算拨款(基本支出)", "财政拨款收入", 300000, 900000, 1000, False),
               ("上级专项转移支付", "财政拨款收入", 50000, 400000, 1000, False),
               ("乡镇统筹资金", "其他收入", 20000, 90000, 100, False)],
        "out": [("机关办公经费", "商品和服务支出", 8000, 40000, 10, True),
                ("公务用车运行维护费", "商品和服务支出", 3000, 15000, 10, True),
                ("干部职工培训费", "商品和服务支出", 2000, 12000, 100, False),
                ("机关水电费", "商品和服务支出", 3000, 12000, 1, True),
                ("村级组织运转经费拨付", "对下转移支付", 100000, 300000, 1000, False),
                ("防汛抗旱应急经费", "项目支出", 10000, 60000, 100, False),
                ("办公设备购置", "资本性支出", 5000, 30000, 100, False),
                ("工资福利支出", "工资福利支出", 200000, 500000, 100, True)],
    },
    "community.finance": {
        "in": [("上级拨付社区工作经费", "补助收入", 20000, 60000, 1000, False),
               ("党群服务中心场地使用费", "其他收入", 500, 3000, 50, False),
               ("社区公益慈善捐赠", "捐赠收入", 1000, 8000, 100, False)],
        "out": [("社区文体活动经费", "活动支出", 800, 6000, 10, False),
                ("网格员补贴", "人员支出", 3000, 9000, 100, False),
                ("办公耗材", "办公支出", 200, 1800, 1, True),
                ("小区楼道卫生保洁", "公共服务支出", 1500, 6000, 100, False),
                ("长者食堂运营补贴", "公共服务支出", 2000, 8000, 100, False),
                ("消防器材更换", "公共服务支出", 600, 4000, 10, False)],
    },
}


@dataclass
class LedgerRow:
    day: date
    summary: str
    subject: str
    income: Decimal | None
    expense: Decimal | None
    handler: str
    voucher: str


@dataclass
class Ledger:
    rows: list[LedgerRow]
    opening: Decimal
    closing: Decimal

    @property
    def income(self) -> Decimal:
        return sum((r.income or Decimal(0) for r in self.rows), Decimal(0)).quantize(CENT)

    @property
    def expense(self) -> Decimal:
        return sum((r.expense or Decimal(0) for r in self.rows), Decimal(0)).quantize(CENT)


def gen_ledger(rng: random.Random, kind: str, per: Per, unit: UnitInfo, opening: Decimal,
               names: Names, extra_in: list[tuple[date, str, str, Decimal]] | None = None,
               close_out: str | None = None) -> Ledger:
    pool = TX[kind]
    span = (per.end - per.start).days
    n = rng.randint(8, 14) if kind in ("party.dues", "party.aid-fund") else rng.randint(9, 18)
    handlers = [unit.director or unit.secretary, unit.secretary] + unit.members_list[:2]
    rows: list[LedgerRow] = []

    def fill(text: str) -> str:
        return (text.replace("{asset}", rng.choice(unit.assets or ["集体资产"]))
                .replace("{project}", rng.choice(unit.projects or ["村庄建设项目"]))
                .replace("{n}", "一二三四五六"[rng.randint(0, 5)])
                .replace("{masked}", names.masked()))

    if kind == "party.dues":
        # each party group pays; the branch passes the dues on to the township party committee
        total = Decimal(0)
        for m in range(6):
            month = per.start.month + m
            amt = (Decimal(unit.members) * Decimal(rng.randint(600, 1400)) / 100).quantize(CENT)
            total += amt
            rows.append(LedgerRow(date(per.year, month, rng.randint(5, 15)), f"{month}月党员党费收缴", "党费收入",
                                  amt, None, unit.members_list[0], ""))
            if m in (2, 5):
                passed = total.quantize(Decimal("1"))
                total = Decimal(0)
                rows.append(LedgerRow(date(per.year, month, rng.randint(20, 28)), "上缴镇党委党费", "党费上缴",
                                      None, passed.quantize(CENT), unit.secretary, ""))
        if rng.random() < 0.6:
            rows.append(LedgerRow(per.end - timedelta(days=rng.randint(0, 2)), "购买党员学习教育资料", "党员教育",
                                  None, money(rng, 100, 400, 10), unit.members_list[0], ""))
    else:
        k_in = rng.randint(1, 3) if kind == "village.construction-funds" else rng.randint(2, 4)
        total_in = Decimal(0)
        for _ in range(k_in):
            summary, subject, lo, hi, step, cents = rng.choice(pool["in"])
            amt = money(rng, lo, hi, step, cents)
            total_in += amt
            rows.append(LedgerRow(per.start + timedelta(days=rng.randint(0, span)), fill(summary), subject, amt, None,
                                  rng.choice(handlers), ""))
        target = total_in * Decimal(str(round(rng.uniform(0.7, 1.2), 2)))
        total_out, k_out = Decimal(0), 0
        while k_out < 6 or (total_out < target and k_in + k_out < n + 4):
            summary, subject, lo, hi, step, cents = rng.choice(pool["out"])
            amt = money(rng, lo, hi, step, cents)
            if k_out >= 6 and total_out + amt > target * Decimal("1.1"):
                break
            total_out += amt
            k_out += 1
            rows.append(LedgerRow(per.start + timedelta(days=rng.randint(0, span)), fill(summary), subject, None, amt,
                                  rng.choice(handlers), ""))
    for d, summary, subject, amt in extra_in or []:
        rows.append(LedgerRow(d, summary, subject, amt, None, unit.director or unit.secretary, ""))
    rows.sort(key=lambda r: (r.day, r.expense is not None))
    # keep the running balance non-negative: top up with a transfer early in the period
    bal, low = opening, opening
    for r in rows:
        bal += (r.income or 0) - (r.expense or 0)
        low = min(low, bal)
    if low < 0:
        top = (-low + money(rng, 2000, 8000, 100)).quantize(Decimal("100"))
        label = {"gov.finance": "县财政预算拨款(补充)", "community.finance": "上级拨付社区工作经费(补充)",
                 "party.aid-fund": "镇党委下拨党内关怀帮扶资金",
                 "village.construction-funds": "乡村振兴衔接资金(追加)", "village.assets": "收回村民借款"}.get(kind, "上级转移支付(补充)")
        rows.insert(0, LedgerRow(per.start + timedelta(days=rng.randint(1, 5)), label,
                                 {"gov.finance": "财政拨款收入", "village.construction-funds": "专项应付款",
                                  "village.assets": "应收款", "party.aid-fund": "基金收入"}.get(kind, "补助收入"),
                                 top.quantize(CENT), None, handlers[0], ""))
        rows.sort(key=lambda r: (r.day, r.expense is not None))
    if close_out:
        bal = opening + sum((r.income or 0) for r in rows) - sum((r.expense or 0) for r in rows)
        rows.append(LedgerRow(per.end, close_out, "往来款", None, bal.quantize(CENT), unit.director, ""))
    if kind != "party.dues":
        for seq, r in enumerate(rows, 1):
            r.voucher = f"J{per.year % 100:02d}{r.day.month:02d}-{seq:03d}"
    led = Ledger(rows, opening.quantize(CENT), Decimal(0))
    led.closing = (opening + led.income - led.expense).quantize(CENT)
    return led


def ledger_csv(led: Ledger, unit: str, with_words: bool) -> str:
    thousands = unit == THOUSANDS_UNIT
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if unit == ALIAS_SHORT_UNIT:
        w.writerow(["时间", "事由", "收入金额", "支出金额"])
        for r in led.rows:
            w.writerow([r.day.isoformat(), r.summary, fmt(r.income) if r.income else "",
                        fmt(r.expense) if r.expense else ""])
        w.writerow(["", "合计", fmt(led.income), fmt(led.expense)])
        return buf.getvalue()
    inc, exp = ("收入(元)", "支出(元)") if unit == ALIAS_YUAN_UNIT else ("收入", "支出")
    header = ["日期", "摘要", "科目", inc, exp]
    if with_words:
        header.append("大写金额")
    header += ["经手人", "凭证号"]
    w.writerow(header)
    for r in led.rows:
        row = [r.day.isoformat(), r.summary, r.subject,
               fmt(r.income, thousands) if r.income is not None else "",
               fmt(r.expense, thousands) if r.expense is not None else ""]
        if with_words:
            row.append(amount_words(r.income if r.income is not None else r.expense))
        row += [r.handler, r.voucher]
        w.writerow(row)
    total = ["", "合计", "", fmt(led.income, thousands), fmt(led.expense, thousands)]
    if with_words:
        total.append("")
    total += ["", ""]
    w.writerow(total)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Rosters
# --------------------------------------------------------------------------------------------

CN_NUM = "零一二三四五六七八九十"


def group_name(i: int) -> str:
    return f"第{CN_NUM[i] if i <= 10 else '十' + CN_NUM[i - 10]}村民小组"


def roster_csv(rng: random.Random, kind: str, unit: UnitInfo, names: Names, villages: list[UnitInfo]) -> tuple[str, int, Decimal]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    total = Decimal(0)
    if kind == "village.welfare":
        w.writerow(["姓名", "户别", "人数", "保障金额(元/月)", "身份证号"])
        n = rng.randint(6, 14)
        for _ in range(n):
            cat = rng.choices(["低保户", "特困供养", "临时救助"], [6, 2, 1])[0]
            people = 1 if cat == "特困供养" else rng.randint(1, 5)
            std = {"低保户": 760, "特困供养": 1140, "临时救助": 500}[cat]
            amt = Decimal(std * people if cat != "临时救助" else rng.randrange(500, 3001, 100)).quantize(CENT)
            total += amt
            w.writerow([names.masked(), cat, people, fmt(amt), masked_id(rng)])
    elif kind == "village.subsidies":
        w.writerow(["姓名", "村民小组", "补贴项目", "面积(亩)", "补贴金额(元)"])
        n = rng.randint(8, 16)
        for _ in range(n):
            proj = rng.choice(["耕地地力保护补贴", "耕地地力保护补贴", "退耕还林补助", "油茶林抚育补助"])
            area = Decimal(rng.randint(8, 120)) / 10
            rate = {"耕地地力保护补贴": Decimal("105.60"), "退耕还林补助": Decimal("90.00"),
                    "油茶林抚育补助": Decimal("200.00"), "一事一议筹劳折资": Decimal("60.00")}[proj]
            amt = (area * rate).quantize(CENT)
            total += amt
            w.writerow([names.masked(), group_name(rng.randint(1, max(unit.groups, 1))), proj, f"{area:.1f}", fmt(amt)])
    elif kind in ("party.hardship",):
        w.writerow(["姓名", "党龄(年)", "帮扶事由", "帮扶金额(元)"])
        n = rng.randint(3, 7)
        for _ in range(n):
            amt = Decimal(rng.randrange(500, 3001, 100)).quantize(CENT)
            total += amt
            w.writerow([names.masked(), rng.randint(8, 56), rng.choice(["因病住院", "年老体弱、独居", "家庭遭受水灾", "子女上学困难", "残疾、无固定收入"]), fmt(amt)])
    elif kind == "gov.welfare":
        w.writerow(["姓名", "所在村(社区)", "救助类别", "金额(元)", "身份证号"])
        n = rng.randint(8, 15)
        for _ in range(n):
            v = rng.choice(villages)
            cat = rng.choice(["临时救助", "医疗救助", "受灾群众生活救助", "困难群众新农合个人缴费资助"])
            amt = Decimal(rng.randrange(300, 5001, 100)).quantize(CENT)
            total += amt
            w.writerow([names.masked(), v.name, cat, fmt(amt), masked_id(rng)])
    else:
        raise ValueError(kind)
    return buf.getvalue(), n, total


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

def cn_date(d: date) -> str:
    return f"{d.month}月{d.day}日"


def cn_len(s: str) -> int:
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")


class Writer:
    """Composes Markdown bodies from varied, specific sentences."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def day_in(self, per: Per, lo: int = 0, hi_back: int = 5) -> date:
        span = (per.end - per.start).days - hi_back
        return per.start + timedelta(days=self.rng.randint(lo, max(lo, span)))

    def closing(self, u: UnitInfo) -> str:
        if u.level == "township":
            return self.pick(
                f"如对以上内容有疑问,可在工作日到镇便民服务中心咨询,或拨打监督投诉电话{HOTLINE}。",
                f"欢迎群众监督。意见建议可投入镇政府大院意见箱,或拨打监督投诉电话{HOTLINE}反映。",
                f"以上情况经镇党政联席会议审定后公开。群众如有疑问,请拨打{HOTLINE}(镇纪委监督投诉电话)。",
            )
        body = "村" if u.level == "village" else "社区"
        who = "村务监督委员会" if u.level == "village" else "社区居务监督委员会"
        return self.pick(
            f"如对以上内容有疑问,可在工作日到{body}便民服务室查阅原始凭证,或拨打{body}部电话{u.office}咨询;也可拨打镇监督投诉电话{HOTLINE}反映。",
            f"本公开经{who}主任{u.supervisor}审核签字。公开之日起十日内,群众可向{who}提出意见,监委会将在五个工作日内答复。",
            f"{body}“两委”欢迎群众监督,值班电话{u.office};对答复不满意的,可拨打镇监督投诉电话{HOTLINE}。",
            f"以上内容同时张贴于{u.name}党务{('村务' if u.level == 'village' else '居务')}公开栏。有疑问请找{who}主任{u.supervisor},或拨打{u.office}。",
        )


def compose(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def body_for(w: Writer, item: Item, u: UnitInfo, per: Per, data: dict, town: UnitInfo, villages: list[UnitInfo]) -> str:
    """A body of roughly 150-400 Chinese characters: the item's own text, padded with true-to-life remarks if short."""
    text = _body_for(w, item, u, per, data, town, villages)
    paras = text.split("\n\n")
    tail = [p for p in paras if p.startswith("收支明细见下表")]
    paras = [p for p in paras if p not in tail]
    pool = list(extra_remarks(w, u, per, item, data.get("published")))
    w.rng.shuffle(pool)
    while cn_len("".join(paras)) < 160 and pool:
        paras.insert(len(paras) - 1, pool.pop())
    return "\n\n".join(paras + tail)


def extra_remarks(w: Writer, u: UnitInfo, per: Per, item: Item, published: date | None) -> list[str]:
    r = w.rng
    when = cn_date((published or per.deadline) - timedelta(days=r.randint(1, 4)))
    if u.level == "township":
        return [
            "本次公开内容已经镇党政联席会议审定,同时在镇政府门户网站和镇便民服务中心公开栏同步发布。",
            "各村(社区)群众的意见建议可通过包村领导和驻村干部转达,镇党政办负责汇总,并在下次公开时一并答复。",
            "往期公开内容可在本网站按季度查阅,纸质档案存放于镇党政办,群众可在工作日申请查阅。",
            "镇纪委对本次公开内容的真实性、完整性进行了监督检查,未发现应公开未公开的事项。",
        ]
    body = "村" if u.level == "village" else "社区"
    out = [
        f"本次公开内容已于{when}经{body}“两委”联席会议审定,并同步张贴于{body}务公开栏。",
        f"包村领导{u.leader}和驻{body}干部{u.residents[0] if u.residents else u.leader}对公开内容进行了审核把关。",
        f"外出务工的{'村民' if u.level == 'village' else '居民'}可通过本网站查看,往期公开内容按季度归档备查。",
        f"{'村民' if u.level == 'village' else '居民'}如需查阅相关原始凭证或会议记录,可在工作日到{body}部登记后查阅。",
    ]
    if item.id.startswith("party."):
        out.append("支部将按照“三会一课”制度,在下次党员大会上通报有关事项的落实情况。")
    return out


def _body_for(w: Writer, item: Item, u: UnitInfo, per: Per, data: dict, town: UnitInfo, villages: list[UnitInfo]) -> str:
    r = w.rng
    P, U = per.label, u.name
    mtg = cn_date(w.day_in(per, 10))
    kind = item.id
    if item.level == "township":
        return township_body(w, item, u, per, data, villages)
    if kind == "village.finance":
        led: Ledger = data["ledger"]
        ins = sorted((x for x in led.rows if x.income), key=lambda x: -x.income)
        outs = sorted((x for x in led.rows if x.expense), key=lambda x: -x.expense)
        inames = "、".join(dict.fromkeys(x.summary for x in ins[:3]))
        onames = "、".join(dict.fromkeys(x.summary for x in outs[:3]))
        text = compose(
            w.pick(f"{P},{U}严格执行村级财务“村账镇代管”制度,现将本季度各项收支情况公开如下。",
                   f"根据村务公开有关规定,{U}村委会将{P}村级财务收支明细张榜公布,接受全体村民监督。",
                   f"{P}{U}村级财务收支已经镇农村经济经营管理站审核,现予公开。"),
            f"本季度期初结余{fmt(led.opening)}元,收入合计{fmt(led.income)}元,支出合计{fmt(led.expense)}元,期末结余{fmt(led.closing)}元。"
            f"收入主要是{inames};支出较大的有{onames}。",
            w.pick(f"单笔5000元以上的支出均经村“两委”联席会议研究,并由村务监督委员会事前审核。",
                   f"{mtg},村务监督委员会对本季度{len(led.rows)}笔收支的原始凭证逐笔核对,未发现问题。",
                   f"本季度未发生招待费支出,无新增村级债务。",
                   f"本季度各项支出均在年初村民代表会议通过的财务计划范围内。"),
            data.get("finance_note", ""),
            w.closing(u),
        )
        return text + "\n\n收支明细见下表。"
    if kind == "village.assets":
        led = data["ledger"]
        a = r.choice(u.assets)
        return compose(
            w.pick(f"现将{U}{P}集体资产、债权债务和收益分配情况公开如下。",
                   f"{P},{U}集体资产运营总体平稳,具体情况公开如下。"),
            f"本村现有经营性集体资产主要包括{'、'.join(u.assets)}。本季度资产类收入{fmt(led.income)}元,支出{fmt(led.expense)}元,"
            f"资产账户期末余额{fmt(led.closing)}元。",
            w.pick(f"{a}本季度按合同足额收取租金,无拖欠。",
                   f"{a}合同将于年底到期,续租方案将按“四议两公开”程序提交村民代表会议讨论。",
                   f"截至季度末,村集体对外应收款{fmt(money(r, 2000, 30000, 100))}元,已逐户发出催收通知。",
                   f"本季度村集体无新增对外借款,历年工程欠款已按计划偿还一部分。"),
            w.closing(u),
        )
    if kind == "village.public-works":
        proj = data["project"]
        amount = data.get("budget") or money(r, 30000, 260000, 100)
        stage = data.get("stage") or r.choice(["已完工并通过镇村两级验收", "主体工程已完成,正在进行附属设施施工", "已完成招投标,施工单位已进场", "已完成设计和预算编制"])
        return compose(
            w.pick(f"{P},{U}重点推进{proj}。", f"现将{U}{proj}的进展情况公开如下。", f"{proj}是{U}今年为民办实事项目之一,{P}进展如下。"),
            f"该项目经村民代表会议表决通过,预算{fmt(amount)}元,资金来源为上级奖补资金和村集体自筹。截至{cn_date(per.end)},项目{stage}。",
            w.pick(f"施工期间由村民代表{r.randint(2, 4)}人组成义务监督小组,每周到现场查看质量和进度。",
                   f"{mtg}召开了现场质量检查会,包村领导{u.leader}参加。",
                   "项目材料由村务监督委员会参与验收,施工合同和验收记录可在村部查阅。",
                   f"项目惠及{r.randint(2, max(3, u.groups))}个村民小组{r.randint(80, 400)}户村民。"),
            w.closing(u),
        )
    if kind == "village.contracts":
        a = r.choice(u.assets)
        rent = money(r, 6000, 48000, 100)
        years = r.choice([3, 5, 6, 8])
        return compose(
            w.pick(f"{P},{U}集体资产资源承包、租赁情况如下。", f"现将{U}{P}集体资产资源发包、租赁及费用收缴情况公开如下。"),
            f"{a}经村民代表会议同意,采取公开竞价方式发包,租期{years}年,年租金{fmt(rent)}元,本季度已收取租金{fmt(rent / 2 if r.random() < 0.5 else rent)}元,全部存入村集体账户。",
            w.pick("本季度无集体资产出售、转让事项。", f"竞价会于{mtg}在村部举行,共有{r.randint(2, 5)}户报名参加,过程全程录像。",
                   "承包合同已报镇农村经济经营管理站备案。"),
            w.closing(u),
        )
    if kind == "village.land":
        area = Decimal(r.randint(30, 600)) / 10
        houses = r.randint(0, 4)
        return compose(
            w.pick(f"现将{U}{P}征地补偿、土地流转和宅基地审批情况公开如下。", f"{P},{U}土地管理相关事项如下。"),
            f"本季度新增土地流转{area:.1f}亩,主要流转给本村{u.industry}种植大户和合作社,流转合同均经镇农村经济经营管理站鉴证,"
            f"流转费按年{r.choice([320, 380, 450, 500])}元/亩标准直接支付给承包农户。",
            f"本季度受理农户宅基地申请{houses}户,经村民代表会议评议后已上报镇政府审批。" if houses else "本季度未受理宅基地申请,无征地补偿事项。",
            w.closing(u),
        )
    if kind == "village.construction-funds":
        led = data["ledger"]
        return compose(
            w.pick(f"现将{U}{P}新农村建设各项资金使用情况公开如下。", f"{P},{U}乡村振兴和美丽乡村建设资金收支如下。"),
            f"本季度到位专项资金{fmt(led.income)}元,支出{fmt(led.expense)}元,专项资金期末结余{fmt(led.closing)}元。资金实行专款专用,"
            f"主要用于{'、'.join(dict.fromkeys(x.summary.split('工程')[0].split('监理')[0].split('设计')[0].split('材料')[0] for x in led.rows if x.expense))[:60]}等项目。",
            w.pick("工程款均凭监理签字的进度单和镇财政所审核意见支付。", "每笔支出均附有合同、发票和验收单,可在村部查阅。",
                   f"{mtg},镇审计办对本村专项资金使用情况进行了抽查。"),
            w.closing(u),
        )
    if kind == "village.subsidies":
        return compose(
            w.pick(f"现将{U}{P}惠农补贴资金到位情况公开如下。", f"{P},各项强农惠农补贴已通过“一卡通”直接发放到户,{U}公开如下。"),
            f"本季度共核发补贴{data['rows']}户次,金额合计{fmt(data['total'])}元,涉及耕地地力保护补贴、退耕还林补助等项目。"
            "补贴标准按县农业农村局和财政局文件执行,面积以确权面积为准。",
            w.pick("名单中姓名已作部分隐藏处理,本人可到村部核对完整信息。", "对补贴面积或金额有异议的农户,请在公示期内到村部登记。",
                   "补贴资金不经过村集体账户,村里只负责核实面积和张榜公示。"),
            w.closing(u),
        )
    if kind == "village.welfare":
        return compose(
            w.pick(f"现将{U}{P}低保、特困供养及临时救助款物发放情况公开如下。", f"{P},{U}社会救助对象动态管理情况如下。"),
            f"本季度共有救助对象{data['rows']}户,每月发放保障金合计{fmt(data['total'])}元。"
            f"救助对象经本人申请、村民代表评议、镇政府审核、县民政局审批,{mtg}完成了季度入户复核。",
            w.pick("名单中姓名和身份证号已按规定部分隐藏。", "对名单有异议的,请在公示之日起七日内向村委会或镇民政办反映。",
                   "本季度无救灾救济物资发放;计划生育奖励扶助金按年度集中发放。"),
            w.closing(u),
        )
    # village party
    if kind == "party.decisions":
        topics = r.sample(["村级年度财务预算", f"{r.choice(u.projects)}立项", "人居环境整治方案", f"{u.industry}产业合作社分红方案",
                           "集体资产租赁续约", "村规民约修订", "防汛抗旱应急预案"], 2)
        return compose(
            w.pick(f"{P},{U}党支部严格落实“四议两公开”工作法,涉及群众切身利益的重大事项决策情况如下。",
                   f"现将{U}党支部{P}重大事项决策情况公开如下。"),
            f"一是{topics[0]},经党支部提议、“两委”商议、党员大会审议,提交村民代表会议表决通过;二是{topics[1]},已完成党员大会审议,下一步提交村民代表会议决议。",
            w.pick(f"包村领导{u.leader}全程参加了相关会议并对程序把关。", "每项决策的会议记录和表决票均已归档,可在村部查阅。"),
            w.closing(u),
        )
    if kind == "party.plan":
        y = per.year
        return compose(
            f"{U}党支部{y}年工作计划已经党员大会讨论通过,现将计划要点和{y - 1}年目标完成情况公开如下。",
            f"{y - 1}年,支部完成了“三会一课”全年计划,发展{u.industry}产业,村集体经营性收入达到{fmt(money(r, 80000, 260000, 1000))}元;"
            f"{r.choice(u.projects)}等{r.randint(2, 5)}件为民办实事项目全部完成。",
            f"{y}年重点做好四件事:一是落实党员积分制管理;二是推进{r.choice(u.projects)};三是开展{u.industry}技术培训不少于{r.randint(2, 4)}期;四是坚持村干部轮流值班,确保村部“人常在、门常开”。",
            w.closing(u),
        )
    if kind == "party.review":
        total = u.members
        good = r.randint(int(total * 0.5), int(total * 0.7))
        basic = r.randint(0, 2)
        return compose(
            f"{per.year}年{r.choice([1, 2, 3])}月,{U}党支部召开党员大会,对{per.year - 1}年度全体党员进行民主评议。",
            f"应参加评议党员{total}名,实到{total - r.randint(1, 5)}名(流出党员书面参评)。评议结果:优秀{good}名,合格{total - good - basic}名,基本合格{basic}名,不合格0名。",
            "评议采取个人自评、党员互评、群众代表测评相结合的方式进行,评议结果已报镇党委备案。" + ("对基本合格的党员,支部书记已逐一谈话提醒。" if basic else ""),
            w.closing(u),
        )
    if kind == "party.dues":
        led = data["ledger"]
        return compose(
            w.pick(f"现将{U}党支部{P}党费收缴情况公开如下。", f"{P},{U}党支部按月收缴党费,情况如下。"),
            f"支部现有党员{u.members}名,本半年共收缴党费{fmt(led.income)}元,上缴镇党委及其他支出合计{fmt(led.expense)}元,期末留存{fmt(led.closing)}元。",
            w.pick("党费按党员本人工资收入比例或每月定额缴纳,离退休和生活困难党员按规定标准执行。", "流出党员通过手机转账方式交由支部委员代缴,均有记录可查。"),
            w.closing(u),
        )
    if kind == "party.members":
        dev = r.randint(0, 2)
        act = r.randint(1, 4)
        return compose(
            f"现将{U}党支部{P}党员发展及奖惩情况公开如下。",
            (f"本半年发展预备党员{dev}名,已按程序进行公示,无异议。" if dev else "本半年未发展新党员。") + f"现有入党积极分子{act}名,已确定培养联系人。",
            w.pick(f"{r.randint(1, 3)}名党员在防汛抢险中表现突出,受到镇党委通报表扬。", "本半年无党员受到党纪处分。",
                   f"支部推荐{r.randint(1, 2)}名党员参评镇级优秀共产党员。"),
            w.closing(u),
        )
    if kind == "party.aid-fund":
        led = data["ledger"]
        return compose(
            w.pick(f"现将{U}党员帮扶基金{P}发放和使用情况公开如下。", f"{P},{U}党员帮扶基金收支情况如下。"),
            f"本半年基金收入{fmt(led.income)}元,主要来源为党员自愿捐助和镇党委下拨资金;支出{fmt(led.expense)}元,用于帮扶困难党员和走访慰问;基金期末余额{fmt(led.closing)}元。",
            "帮扶对象由支委会研究确定,发放时由两名支委共同入户,受助党员签字确认。",
            w.closing(u),
        )
    if kind == "party.hardship":
        return compose(
            f"现将{U}党支部{P}困难党员帮扶和救助情况公开如下。",
            f"本半年共帮扶困难党员{data['rows']}名,发放帮扶金{fmt(data['total'])}元,支委成员与困难党员结对,每月至少走访一次。",
            w.pick("对因病住院的党员,支部协助办理了医疗救助申请。", "逢年过节,支部组织党员志愿者上门帮助老党员打扫卫生、检查用电安全。"),
            w.closing(u),
        )
    # community
    if kind == "community.plans":
        return compose(
            w.pick(f"现将{U}{P}社区建设规划和工作目标公开如下。", f"{P},{U}围绕“十五分钟便民生活圈”推进社区建设。"),
            f"本季度重点目标:一是完成{r.choice(['老旧小区楼道照明改造', '社区长者食堂扩面', '电动自行车集中充电棚建设', '社区儿童之家改造'])};"
            f"二是网格化服务覆盖全部{r.randint(6, 12)}个网格;三是开展文明楼栋评比。",
            w.pick("规划已经社区居民代表会议讨论通过。", "规划草案曾在社区公开栏征求意见十日,共收到居民建议二十余条。"),
            w.closing(u),
        )
    if kind == "community.work":
        return compose(
            f"现将{U}居委会{P}各项工作完成情况公开如下。",
            f"本季度共受理居民诉求{r.randint(40, 160)}件,办结率{r.randint(92, 100)}%;开展文体活动{r.randint(3, 9)}场;"
            f"入户走访独居老人{r.randint(30, 90)}户次;调解邻里纠纷{r.randint(2, 12)}起。",
            w.pick("社区实行错时上下班和节假日值班,居民办事可提前电话预约。", "社区人民调解委员会本季度调解成功率百分之百。"),
            w.closing(u),
        )
    if kind == "community.finance":
        led = data["ledger"]
        return compose(
            w.pick(f"现将{U}{P}财务收支情况公开如下。", f"{P},{U}财务状况如下。"),
            f"期初结余{fmt(led.opening)}元,本季度收入{fmt(led.income)}元,支出{fmt(led.expense)}元,期末结余{fmt(led.closing)}元。支出主要用于网格员补贴、长者食堂运营和社区活动。",
            w.pick("社区财务由镇财政所代理记账,每季度接受居务监督委员会审核。", "大额支出均经社区“两委”联席会议集体研究。"),
            w.closing(u),
        )
    if kind == "community.major-issues":
        issue = r.choice(["小区地下室积水", "临街商铺油烟扰民", "老旧小区加装电梯意见分歧", "菜市场周边占道经营", "小区物业撤场后的管理"])
        return compose(
            f"现将{U}{P}重大问题办理结果公开如下。",
            f"居民反映较集中的是{issue}问题。社区于{mtg}召开议事协商会议,邀请居民代表、物业和相关部门参加,确定了解决方案,目前已{r.choice(['办结', '基本办结,剩余工作下季度完成'])}。",
            "协商会议记录和处理结果已在社区公开栏张贴。",
            w.closing(u),
        )
    raise ValueError(kind)


def township_body(w: Writer, item: Item, u: UnitInfo, per: Per, data: dict, villages: list[UnitInfo]) -> str:
    r = w.rng
    P, U = per.label, u.name
    mtg = cn_date(w.day_in(per, 10))
    kind = item.id
    vnames = [v.name for v in villages]
    leaders = data["leaders"]
    if kind == "party.plan":
        return compose(
            f"{U}党委{per.year}年党务工作计划和目标任务已经党委会研究通过,现予公开。",
            f"主要目标:一是抓好村级党组织规范化建设,{r.randint(2, 4)}个村创建“示范村”;二是落实“四议两公开”,村级重大事项按程序决策率100%;"
            f"三是发展党员{r.randint(8, 15)}名,重点从青年农民和致富能手中发展;四是深化领导干部包村、驻村联系群众制度。",
            w.closing(u),
        )
    if kind == "party.performance":
        return compose(
            f"现将{U}党委{P}工作实绩公开如下。",
            f"本半年召开党委会{r.randint(10, 16)}次,研究重大事项{r.randint(20, 40)}项;班子成员下村走访{r.randint(150, 320)}人次,帮助村里解决道路、灌溉、饮水等实际问题{r.randint(20, 50)}件。"
            f"{r.choice(vnames)}、{r.choice(vnames)}的为民办实事项目按期完工。",
            w.closing(u),
        )
    if kind == "party.democratic-life":
        n = r.randint(3, 6)
        return compose(
            f"{U}党委班子于{mtg}召开民主生活会,县委派员指导。",
            f"会前通过座谈、发放征求意见表等方式收集意见建议{r.randint(15, 40)}条,归纳为{n}个方面;会上班子成员逐一开展批评与自我批评。"
            f"会后制定整改措施{n * 2}条,截至半年末已完成{n * 2 - r.randint(0, 2)}条,其余正在推进。",
            w.closing(u),
        )
    if kind == "party.decisions":
        return compose(
            f"现将{U}党委{P}重大事项决策和涉及群众利益的重要政策措施公开如下。",
            f"党委会研究决定:一是调整村级组织运转经费标准,每村每年增加{r.choice([5000, 8000, 10000])}元;二是出台{r.choice(['农村人居环境整治考评办法', '村级小微工程管理办法', '防汛责任制实施方案'])};"
            f"三是安排{r.choice(vnames)}等村为民办实事项目资金。以上事项均按“三重一大”集体决策程序办理。",
            w.closing(u),
        )
    if kind == "party.integrity":
        return compose(
            f"现将{U}党委{P}落实党风廉政建设责任制情况公开如下。",
            f"党委书记{leaders[0]}履行第一责任人职责,与班子成员和各村党组织书记签订责任书{len(villages) + 6}份;开展廉政谈话{r.randint(15, 40)}人次;"
            f"纪委对村级财务“村账镇代管”情况开展专项检查{r.randint(1, 3)}次,发现问题{r.randint(2, 8)}个,已全部整改。",
            w.closing(u),
        )
    if kind == "party.members-dues":
        return compose(
            f"现将{U}党委{P}发展党员和党费收缴、管理情况公开如下。",
            f"本半年全镇发展预备党员{r.randint(3, 9)}名,预备党员按期转正{r.randint(2, 8)}名;全镇各党支部收缴党费{fmt(money(r, 18000, 46000, 1, True))}元,已按规定上缴县委组织部,"
            "党费专户管理,未发生挪用。",
            w.closing(u),
        )
    if kind == "party.cadres":
        v = r.choice(villages)
        return compose(
            f"现将{U}{P}党组织选举和乡村干部考核、调动、任免情况公开如下。",
            f"本半年完成村干部季度考核{len(villages) + 1}个单位;{v.name}党支部补选支部委员1名;镇机关干部调入{r.randint(0, 2)}名、调出{r.randint(0, 2)}名。"
            "考核结果与村干部绩效报酬挂钩,已在各村公开栏公布。",
            w.closing(u),
        )
    if kind == "party.hardship":
        return compose(
            f"现将{U}党委{P}困难党员帮扶和救助情况公开如下。",
            f"本半年镇党委使用党内关怀资金帮扶困难党员{data['rows']}名,发放帮扶金{fmt(data['total'])}元。帮扶对象由各村党支部推荐,镇党委审核确定。",
            w.closing(u),
        )
    if kind == "gov.leaders":
        lines = "\n".join(f"- {name}:{title},{duty}" for name, title, duty in data["leader_rows"])
        return compose(
            w.pick(f"现将{U}人民政府领导班子成员姓名、职务和分工公开如下({P})。", f"{P}{U}政府领导班子成员及分工如下。"),
            lines,
            "本季度领导班子成员分工无调整。" if r.random() < 0.7 else f"本季度因工作需要,{leaders[4]}同志增加联系镇便民服务中心工作。",
            w.closing(u),
        )
    if kind == "gov.plans-budget":
        budget = money(r, 2800000, 4200000, 10000)
        rate = r.randint(21, 26) * (per.index if per.index < 4 else 3) + r.randint(0, 8)
        return compose(
            f"现将{U}{P}重要事项、年度工作目标和财政预算执行情况公开如下。",
            f"{per.year}年镇本级一般公共预算支出安排{fmt(budget)}元,截至季度末执行{min(rate, 98)}%。重点工作包括:{'、'.join(r.sample(['高标准农田建设', '农村人居环境整治', '防汛备汛', '森林防火', '乡村振兴衔接项目', '安全生产大检查'], 3))}。",
            w.closing(u),
        )
    if kind == "gov.finance":
        led = data["ledger"]
        return compose(
            f"现将{U}{P}乡镇财政和机关内部财务收支情况公开如下。",
            f"期初结余{fmt(led.opening)}元,本季度收入{fmt(led.income)}元,支出{fmt(led.expense)}元,期末结余{fmt(led.closing)}元。"
            "“三公”经费中,本季度无因公出国(境)费用,未发生公务接待超标情况。",
            w.closing(u),
        )
    if kind == "gov.procurement":
        return compose(
            f"现将{U}{P}政府采购和重要工程项目招投标情况公开如下。",
            f"本季度共实施采购和工程项目{data['rows']}项,中标金额合计{fmt(data['total'])}元。所有项目均通过县公共资源交易平台或政府采购网公开进行。",
            "中标结果公示期内未收到质疑。",
            w.closing(u),
        )
    if kind == "gov.enterprises":
        return compose(
            f"现将{U}{P}乡镇经济实体承包、租赁、拍卖情况公开如下。",
            f"镇属农贸市场摊位{r.randint(20, 60)}个继续按合同出租,本季度收取租金{fmt(money(r, 30000, 90000, 100))}元;镇文化站闲置用房租赁合同{r.choice(['正常履行', '已到期收回'])}。",
            w.closing(u),
        )
    if kind == "gov.land":
        return compose(
            f"现将{U}{P}土地征用、房屋拆迁、宅基地审批、征兵情况公开如下。",
            f"本季度批准农户宅基地申请{r.randint(3, 12)}户,分布在{'、'.join(r.sample(vnames, 3))};征收{r.choice(vnames)}集体土地{Decimal(r.randint(10, 150)) / 10:.1f}亩用于{r.choice(['乡道拓宽', '污水处理站', '中心小学扩建'])},"
            f"补偿款已足额支付到村;{'本季度征兵报名' + str(r.randint(20, 50)) + '人,体检合格' + str(r.randint(5, 12)) + '人。' if per.index in (1, 3) else '本季度无征兵工作。'}",
            w.closing(u),
        )
    if kind == "gov.welfare":
        return compose(
            f"现将{U}{P}计划生育、救济救灾、低保、五保、医疗救助、新农合情况公开如下。",
            f"全镇在册低保{r.randint(180, 260)}户、特困供养{r.randint(40, 70)}人,保障金按月发放到户;本季度实施临时救助、医疗救助等{data['rows']}人次,发放{fmt(data['total'])}元,名单附后。"
            f"新农合参保率{r.randint(96, 99)}%。",
            w.closing(u),
        )
    if kind == "gov.projects":
        return compose(
            f"现将{U}{P}为民办实事项目及执行情况公开如下。",
            f"今年确定的为民办实事项目共{r.randint(8, 12)}项,本季度推进的有:{'、'.join(v.name + v.projects[per.index % len(v.projects)] for v in r.sample(villages, 3))}。"
            f"已完工{r.randint(2, 5)}项,其余按计划推进。",
            w.closing(u),
        )
    if kind == "gov.personnel":
        return compose(
            f"现将{U}{P}人事任免、考核、奖惩、工资调整情况公开如下。",
            w.pick(f"本季度镇机关新录用公务员{r.randint(1, 3)}名,试用期一年;", "本季度无人事任免事项;", f"本季度选派{r.randint(1, 3)}名干部到村任驻村干部;")
            + w.pick("机关工作人员季度考核均为称职以上。", "按上级规定调整了机关事业单位人员基本工资标准。", f"{r.randint(1, 3)}名同志获县级表彰。"),
            w.closing(u),
        )
    if kind == "gov.fees":
        return compose(
            f"现将{U}{P}执收、执罚部门收费罚款标准和收缴情况公开如下。",
            f"镇综合执法队本季度依法查处违法行为{r.randint(3, 15)}起,罚没款{fmt(money(r, 2000, 20000, 100))}元,全部通过非税收入系统缴入国库,实行“罚缴分离”。"
            "收费项目和标准以县发展改革局公布的目录为准,目录外不得收费。",
            w.closing(u),
        )
    raise ValueError(kind)


def title_for(item: Item, per: Per, u: UnitInfo, data: dict) -> str:
    P = per.label
    t = {
        "village.finance": f"{P}村级财务收支情况",
        "village.assets": f"{P}集体资产、债权债务和收益分配情况",
        "village.public-works": f"{P}{data.get('project', '')}建设情况",
        "village.contracts": f"{P}集体资产资源承包租赁情况",
        "village.land": f"{P}征地补偿、土地流转和宅基地审批情况",
        "village.construction-funds": f"{P}新农村建设资金使用情况",
        "village.subsidies": f"{P}惠农补贴资金到位情况",
        "village.welfare": f"{P}低保、特困供养和救助款物发放情况",
        "party.decisions": f"{P}党支部重大事项决策情况",
        "party.plan": f"{per.year}年党支部工作计划和{per.year - 1}年目标完成情况",
        "party.review": f"{per.year - 1}年度党员民主评议情况",
        "party.dues": f"{P}党费收缴情况",
        "party.members": f"{P}党员发展及奖惩情况",
        "party.aid-fund": f"{P}党员帮扶基金发放和使用情况",
        "party.hardship": f"{P}困难党员帮扶和救助情况",
        "community.plans": f"{P}社区建设规划和工作目标",
        "community.work": f"{P}居委会工作完成情况",
        "community.finance": f"{P}社区财务收支情况",
        "community.major-issues": f"{P}重大问题办理结果",
    }
    if u.level == "township":
        t = {
            "party.plan": f"{per.year}年镇党委党务工作计划和目标任务",
            "party.performance": f"{P}镇党委工作实绩",
            "party.democratic-life": f"{P}党委民主生活会及整改情况",
            "party.decisions": f"{P}镇党委重大事项决策情况",
            "party.integrity": f"{P}落实党风廉政建设责任制情况",
            "party.members-dues": f"{P}发展党员和党费收缴管理情况",
            "party.cadres": f"{P}党组织选举和乡村干部考核任免情况",
            "party.hardship": f"{P}困难党员帮扶和救助情况",
            "gov.leaders": f"{P}镇政府领导班子成员及分工",
            "gov.plans-budget": f"{P}工作目标和财政预算执行情况",
            "gov.finance": f"{P}乡镇财政和机关财务收支情况",
            "gov.procurement": f"{P}政府采购和工程招投标情况",
            "gov.enterprises": f"{P}乡镇经济实体承包租赁情况",
            "gov.land": f"{P}土地征用、宅基地审批和征兵情况",
            "gov.welfare": f"{P}社会救助和新农合情况",
            "gov.projects": f"{P}为民办实事项目执行情况",
            "gov.personnel": f"{P}人事任免、考核和奖惩情况",
            "gov.fees": f"{P}收费罚款标准和收缴情况",
        }
    return t[item.id]


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------

PLAIN_OK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")


def yscalar(v) -> str:
    if isinstance(v, (date, Decimal, int)):
        return str(v)
    s = str(v)
    if PLAIN_OK.match(s) and ": " not in s and not s.endswith(":") and not re.fullmatch(r"[\d.\-+]+|true|false|null|yes|no|on|off|~", s, re.I):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(meta: dict) -> str:
    lines = ["---"]
    for k, v in meta.items():
        if v is None:
            continue
        if k == "tables":
            lines.append("tables:")
            for t in v:
                lines.append(f"  - file: {t['file']}")
                lines.append(f"    schema: {t['schema']}")
                if t.get("caption"):
                    lines.append(f"    caption: {yscalar(t['caption'])}")
        elif k == "attachments":
            lines.append("attachments: [" + ", ".join(yscalar(a) for a in v) + "]")
        elif k in ("opening_balance", "closing_balance"):
            lines.append(f"{k}: {fmt(v)}")
        else:
            lines.append(f"{k}: {yscalar(v)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def minimal_pdf(title: str) -> bytes:
    """A tiny valid PDF 1.4 (one page, one line of ASCII text) with a correct xref table."""
    content = f"BT /F1 14 Tf 72 760 Td ({title}) Tj ET".encode("ascii")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n".encode() + b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


class Out:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = {"disclosures": 0, "tables": 0}

    def text(self, rel: str, content: str, encoding: str = "utf-8") -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode(encoding))

    def binary(self, rel: str, data: bytes) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------

def build_units(rng: random.Random, names: Names) -> tuple[UnitInfo, list[UnitInfo], UnitInfo, UnitInfo, list[dict]]:
    phones = iter(f"0591-23456{n:02d}" for n in range(1, 78))
    town = UnitInfo(TOWNSHIP_ID, "青石镇", "township", "350100101000", "qingshi-dangzhengban")
    town.office = next(phones)
    town_people = [
        ("党委书记", names.full(), "主持镇党委全面工作"),
        ("党委副书记、镇长", names.full(), "主持镇政府全面工作"),
        ("党委副书记", names.full(), "分管党建、组织、驻村联系工作"),
        ("纪委书记", names.full(), "负责纪检监察,受理监督投诉"),
        ("副镇长", names.full(), "分管农业农村、水利、林业"),
        ("副镇长", names.full(), "分管财政、民政、社会救助"),
        ("组织委员", names.full(), "负责村级组织建设和党员管理"),
        ("党政办主任", names.full(), "负责党务政务公开日常工作"),
    ]
    people: list[dict] = []
    for role, name, note in town_people:
        people.append({"unit": TOWNSHIP_ID, "role": role, "name": name, "phone": next(phones), "note": note})
    leaders_for_villages = [p for p in people if p["role"] not in ("党委书记", "党政办主任")]
    staff = [names.full() for _ in range(12)]

    villages: list[UnitInfo] = []
    defs = VILLAGE_DEFS + [LAOWU_DEF]
    for i, (uid, name, industry, assets, projects) in enumerate(defs):
        code = f"350100101{201 + i:03d}"
        v = UnitInfo(uid, name, "village", code, f"qingshi-{uid}", industry=industry, assets=assets, projects=projects)
        if uid == "laowu":
            v.until = "2025-Q4"
        v.groups = rng.randint(5, 12)
        v.households = rng.randint(320, 1100)
        v.members = rng.randint(28, 76)
        v.office = next(phones)
        lead = leaders_for_villages[i % len(leaders_for_villages)]
        v.leader, v.leader_title = lead["name"], lead["role"]
        v.residents = [staff[i]] + ([staff[7 + i // 2]] if i % 2 == 0 else [])
        v.secretary = names.full()
        v.director = v.secretary if uid == "shangyuan" else names.full()
        v.supervisor = names.full()
        v.members_list = [names.full() for _ in range(3)]
        villages.append(v)

    com = UnitInfo("jiefang", "解放社区", "community", "350100101001", "qingshi-jiefang")
    com.office = next(phones)
    lead = leaders_for_villages[2]
    com.leader, com.leader_title = lead["name"], lead["role"]
    com.residents = [staff[11]]
    com.secretary = names.full()
    com.director = names.full()
    com.supervisor = names.full()
    com.members_list = [names.full() for _ in range(3)]
    com.groups = 8
    com.members = 64
    com.assets = ["党群服务中心"]
    return town, villages, com, town, people


def write_units(out: Out, town: UnitInfo, villages: list[UnitInfo], com: UnitInfo) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name", "level", "parent", "division_code", "clerk", "since", "until"])
    w.writerow([town.id, town.name, "township", "", town.code, town.clerk, "", ""])
    for u in villages + [com]:
        w.writerow([u.id, u.name, u.level, TOWNSHIP_ID, u.code, u.clerk, "", u.until])
    out.text("units.csv", buf.getvalue())


def write_site(out: Out) -> None:
    out.text("site.yaml", f"""# 青石镇三务公开 — demo site (fictional township). Generated by tools/demo/generate_demo.py.
name: 青石镇三务公开
base_url: https://example.github.io/qingshi/
timezone: Asia/Shanghai
language: zh-CN
rules: sanwu
since: 2025-Q1
hotline: {HOTLINE}
repository: example/qingshi-disclosure
# Demo data: its Git history is not the real publication history, so dates are self-declared.
dates_from: declared
overrides: {{ grace_days: 0, due_soon_days: 10, decision_publish_days: 7 }}
""")


def write_people(out: Out, people: list[dict], villages: list[UnitInfo], com: UnitInfo) -> None:
    rows = list(people)
    for u in villages + [com]:
        if u.until:
            continue  # merged away: no contact card any more
        rows.append({"unit": u.id, "role": "包村领导", "name": u.leader, "phone": next(p["phone"] for p in people if p["name"] == u.leader),
                     "note": f"{'' if u.leader_title.startswith('副镇长') else '镇'}{u.leader_title},联系{u.name}"})
        for k, s in enumerate(u.residents):
            rows.append({"unit": u.id, "role": "驻村干部" if u.level == "village" else "驻社区干部", "name": s, "phone": u.office,
                         "note": ["每周二、四在" + ("村部" if u.level == "village" else "社区") + "办公", "每周一、三、五驻村"][k % 2]})
        if u.level == "village":
            if u.secretary == u.director:
                rows.append({"unit": u.id, "role": "村党支部书记、村委会主任", "name": u.secretary, "phone": u.office, "note": "“一肩挑”"})
            else:
                rows.append({"unit": u.id, "role": "村党支部书记", "name": u.secretary, "phone": u.office, "note": ""})
                rows.append({"unit": u.id, "role": "村委会主任", "name": u.director, "phone": u.office, "note": ""})
            rows.append({"unit": u.id, "role": "村务监督委员会主任", "name": u.supervisor, "phone": u.office, "note": "受理村务公开意见"})
        else:
            rows.append({"unit": u.id, "role": "社区党委书记", "name": u.secretary, "phone": u.office, "note": ""})
            rows.append({"unit": u.id, "role": "社区居委会主任", "name": u.director, "phone": u.office, "note": ""})
            rows.append({"unit": u.id, "role": "居务监督委员会主任", "name": u.supervisor, "phone": u.office, "note": "受理居务公开意见"})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["unit", "role", "name", "phone", "note"])
    for r in rows:
        w.writerow([r["unit"], r["role"], r["name"], r["phone"], r["note"]])
    out.text("people.csv", buf.getvalue())


def write_standing(out: Out, rng: random.Random, u: UnitInfo) -> None:
    days = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    staff = [(u.secretary, "村党支部书记" if u.level == "village" else "社区党委书记")]
    if u.director != u.secretary:
        staff.append((u.director, "村委会主任" if u.level == "village" else "社区居委会主任"))
    staff += [(m, "村“两委”委员" if u.level == "village" else "社区“两委”委员") for m in u.members_list]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["day", "name", "role", "phone"])
    for i, d in enumerate(days):
        name, role = staff[i % len(staff)]
        if d == "周四" and u.residents:
            name, role = u.residents[0], "驻村干部" if u.level == "village" else "驻社区干部"
        w.writerow([d, name, role, u.office])
    if u.id in ("dongshan", "jiefang", "beiling"):
        w.writerow(["2026-10-01", staff[0][0], staff[0][1], u.office])
    out.text(f"units/{u.id}/duty.csv", buf.getvalue())

    year = 2025 if u.id == STALE_COMMITMENTS else 2026
    body = "村" if u.level == "village" else "社区"
    items = [
        f"工作方面:{year}年村集体经营性收入比上年增长{rng.randint(5, 15)}%,{rng.choice(u.projects) if u.projects else '社区长者食堂扩面'}年内完工。",
        f"工作方面:“三务”公开每季度按时更新,党务每半年公开一次,做到不缺报、不迟报。",
        f"服务方面:{body}干部每天至少一人在{body}部坐班,确保“人常在、门常开”,群众来办事有人接待。",
        f"服务方面:每名{body}干部结对帮扶困难群众不少于1户,每月至少走访1次。",
        f"服务方面:为群众代办社保、医保、低保申请等事项,受理后{rng.choice([3, 5])}个工作日内给予答复。",
        "纪律方面:带头落实中央八项规定精神,不收受礼品礼金,不参与赌博。",
        f"纪律方面:{body}级重大事项一律按“四议两公开”程序决策,不搞“一言堂”。",
    ]
    if u.level == "community":
        items[0] = f"工作方面:{year}年完成老旧小区楼道照明改造,网格化服务覆盖全部网格。"
    chosen = items[: rng.randint(5, 7)]
    lines = "\n".join(f"{i}. {t}" for i, t in enumerate(chosen, 1))
    people = f"承诺人:{'党支部书记' if u.level == 'village' else '社区党委书记'} {u.secretary}"
    if u.director != u.secretary:
        people += f",{'村委会主任' if u.level == 'village' else '居委会主任'} {u.director}"
    out.text(f"units/{u.id}/commitments.md", f"""---
year: {year}
---
# {u.name}“两委”干部{year}年岗位承诺

按照“提出承诺、公开亮诺、督促践诺、综合评诺”的要求,{u.name}“两委”干部向全体{'村民' if u.level == 'village' else '居民'}作出如下承诺:

{lines}

{people}。欢迎群众监督,年底由党员和群众代表对承诺兑现情况进行评议。
""")


# --------------------------------------------------------------------------------------------
# 民情台账 (units/<unit>/requests.csv): what villagers raised and how it was handled
# --------------------------------------------------------------------------------------------

# (category, matter, result when handled)
REQUEST_KINDS = {
    "民生服务": [
        ("{group}路灯不亮,晚上出行不便", "已更换路灯灯具{n}盏,恢复照明"),
        ("{group}自来水水压低,高处农户用水困难", "已更换加压泵并清洗水池,水压恢复正常"),
        ("村道{group}路段坑洼积水", "已用水泥修补坑洼{n}处,积水排除"),
        ("垃圾收集点清运不及时,有异味", "已与保洁公司约定每日清运一次,并消毒收集点"),
        ("{group}灌溉水渠堵塞", "已组织村民义务清淤{n}0米,水渠畅通"),
        ("饮水管网漏水", "已更换破损管段,恢复供水"),
        ("{group}老旧电线杆倾斜,存在安全隐患", "已联系供电所扶正加固"),
        ("申请危房改造,询问补助标准和办理流程", "已入户核实并上报镇村建办,列入本年度改造计划"),
        ("询问低保申请条件", "已当面解答政策并协助准备申请材料"),
    ],
    "矛盾纠纷": [
        ("与邻户宅基地边界有争议", "经村调委会现场丈量、双方协商,已签订调解协议"),
        ("邻里排水沟走向纠纷", "经调解,双方同意共同出资改道排水沟"),
        ("山林承包界址纠纷", "已会同镇林业站现场勘界,双方认可界址"),
        ("土地流转租金未按时支付", "经协调,承租方已补付租金"),
        ("养殖场异味影响周边农户", "已督促养殖户清理粪污并加装除臭设施"),
    ],
    "代办": [
        ("代办城乡居民医保缴费", "已代为缴费并将凭证送达本人"),
        ("代办残疾人证申领", "已代办评残手续,证件送达本人"),
        ("代办社保卡补办", "已代办补卡,新卡送达本人"),
        ("代办高龄津贴申请", "已代为提交申请,次月起按月发放"),
        ("代办养老保险待遇资格认证", "已上门协助完成认证"),
        ("代办不动产登记资料准备", "已协助准备资料并预约窗口办理"),
    ],
    "意见建议": [
        ("建议在村口增设候车亭", "已纳入明年为民办实事项目计划"),
        ("建议村部周六上午开放办事", "已安排周六上午轮流值班,并在公开栏公示"),
        ("建议增设健身器材", "已向镇文体站申请,器材已安装到位"),
        ("建议公开村集体鱼塘发包情况", "已在村务公开栏和本网站公开发包结果"),
        ("建议增加垃圾分类宣传", "已组织志愿者入户宣传两次"),
    ],
}
REQUEST_CATEGORY_WEIGHTS = [("民生服务", 10), ("矛盾纠纷", 3), ("代办", 6), ("意见建议", 3)]
REQUEST_DAYS = {"代办": 7}                 # the preset's limits (sanwu.yaml requests:); others 15
# open matters past their limit on AS_OF (requests.overdue) and matters closed after it (requests.late), per unit
REQUESTS_OVERDUE = {"dongshan": 1, "xiba": 1, "beiling": 2, "hetang": 1, "jiefang": 1}
REQUESTS_LATE = {"dongshan": 2, "xiba": 1, "nanxi": 1, "beiling": 2, "shangyuan": 1, "hetang": 2, "jiefang": 1}
REQUESTS_TRANSFERRED = ("nanxi", "河道非法采砂,影响堤岸安全", "已转县水利局处理,村里每周跟踪,结果将在本台账更新")
REQUESTS_ENCODING = {"xiba": "gb18030"}
REQUESTS_ALIAS_UNIT = "beiling"            # 序号,反映日期,… header aliases


def write_requests(out: Out, u: UnitInfo) -> int:
    """A unit's 民情台账, from its own random stream (the rest of input/ does not change with it). Returns the rows.

    Matters received up to 40 days before AS_OF are handled: on time, or late for the REQUESTS_LATE ones (requests.late);
    REQUESTS_OVERDUE ones received 24-60 days before AS_OF are still open (requests.overdue); those of the last week are
    open or just closed, within their limits. One matter of REQUESTS_TRANSFERRED's unit is handed on (已转办)."""
    rng = random.Random("requests:" + u.id)
    handlers = [u.secretary, u.director, *u.members_list]
    start, settled = date(2025, 1, 6), AS_OF - timedelta(days=40)
    n_normal = rng.randint(24, 30)
    kinds = [(start + timedelta(days=rng.randint(0, (settled - start).days)), "normal") for _ in range(n_normal)]
    kinds += [(AS_OF - timedelta(days=rng.randint(24, 60)), "overdue") for _ in range(REQUESTS_OVERDUE.get(u.id, 0))]
    kinds += [(AS_OF - timedelta(days=rng.randint(1, 6)), "recent") for _ in range(rng.randint(2, 3))]
    kinds.sort()
    normal = [i for i, (_, k) in enumerate(kinds) if k == "normal"]
    for i in rng.sample(normal[:-1], REQUESTS_LATE.get(u.id, 0)):
        kinds[i] = (kinds[i][0], "late")
    if REQUESTS_TRANSFERRED[0] == u.id:
        i = normal[len(normal) // 2]
        kinds[i] = (kinds[i][0], "transferred")
    cats = [c for c, n in REQUEST_CATEGORY_WEIGHTS for _ in range(n)]
    seq: dict[int, int] = {}
    rows = []
    for rec, kind in kinds:
        seq[rec.year] = seq.get(rec.year, 0) + 1
        number = f"{rec.year}-{seq[rec.year]:03d}"
        cat = rng.choice(cats)
        matter, result = rng.choice(REQUEST_KINDS[cat])
        group = group_name(rng.randint(1, max(2, u.groups or 6))) if u.level == "village" else f"{rng.randint(1, 6)}号网格"
        n = rng.randint(2, 6)
        matter, result = matter.format(group=group, n=n), result.format(group=group, n=n)
        days, limit = REQUEST_DAYS.get(cat, 15), ""
        if cat == "矛盾纠纷" and rng.random() < 0.4:
            days, limit = 30, "30天"
        requester = f"{rng.choice(SURNAMES)}*{rng.choice(MASK_LAST)}" if rng.random() < 0.85 else f"{rng.choice(SURNAMES)}*"
        if cat == "意见建议" and rng.random() < 0.3:
            requester = "匿名"
        handler = rng.choice(handlers)
        status, closed, follow = "已办结", None, ""
        if kind == "transferred":
            cat, matter, result, limit = "意见建议", REQUESTS_TRANSFERRED[1], REQUESTS_TRANSFERRED[2], ""
            status, closed = "已转办", rec + timedelta(days=3)
        elif kind == "overdue":
            status, result = "办理中", ""
        elif kind == "late":
            closed = rec + timedelta(days=days + rng.randint(2, 12))
        else:
            closed = rec + timedelta(days=rng.randint(1, max(1, days - 2)))
            if kind == "recent" and closed >= AS_OF:
                status, closed, result = "办理中", None, ""
        if status == "已办结":
            follow = rng.choice(["满意"] * 6 + ["基本满意"] * 2 + ["不满意", ""])
        rows.append([number, rec.isoformat(), requester, matter.replace(",", "，"), cat, handler, limit, status,
                     closed.isoformat() if closed else "", result.replace(",", "，"), follow])
    head = ["编号", "受理日期", "反映人", "事项", "类别", "经办人", "办结时限", "状态", "办结日期", "办理结果", "回访"]
    if u.id == REQUESTS_ALIAS_UNIT:
        head = ["序号", "反映日期", "反映人", "反映问题", "类别", "承办人", "办结时限", "办理状态", "办结日期", "处理结果", "回访情况"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    w.writerows(rows)
    out.text(f"units/{u.id}/requests.csv", buf.getvalue(), REQUESTS_ENCODING.get(u.id, "utf-8"))
    return len(rows)


def published_date(rng: random.Random, per: Per, base_day: int) -> date:
    d = per.deadline
    day = min(20, max(5, base_day + rng.choice([0, 0, 0, 1, 2, 3])))
    return date(d.year, d.month, day)


def generate(out: Out) -> dict:
    _selftest_amount_words()
    rng = random.Random(2026)
    names = Names(rng)
    w = Writer(rng)
    town, villages, com, _, people = build_units(rng, names)
    write_site(out)
    write_units(out, town, villages, com)
    write_people(out, people, villages, com)
    for u in villages + [com]:
        if not u.until:
            write_standing(out, rng, u)

    leader_rows = [(p["name"], p["role"], p["note"]) for p in people if p["role"] in ("党委副书记、镇长", "副镇长")]
    leader_rows.insert(0, (people[0]["name"], "党委书记", "主持镇党委全面工作,联系镇政府工作"))
    leaders = [p["name"] for p in people]
    live_villages = [v for v in villages if not v.until]

    # opening balances per (unit, ledger item)
    balances: dict[tuple[str, str], Decimal] = {}
    ledgers: dict[tuple[str, str, str], Ledger] = {}
    stats = {"disclosures": 0, "units": 2 + len(villages), "decisions": 0, "nil": 0}

    laowu_handover: Decimal | None = None
    order = [v for v in villages if v.id == "laowu"] + [v for v in villages if v.id != "laowu"] + [com, town]
    for u in order:
        items = [i for i in CATALOGUE if i.level == u.level]
        periods: list[Per] = []
        for i in items:
            for per in (QUARTERS if i.schedule == "quarter" else HALVES):
                if per not in periods:
                    periods.append(per)
        periods.sort(key=lambda p: (p.end, p.kind))
        base_day = rng.randint(6, 15)
        project_idx = 0
        for per in periods:
            if u.until and per.year > 2025:
                continue
            for item in items:
                if (item.schedule == "quarter") != (per.kind == "quarter"):
                    continue
                if item.h1_only and not per.h1:
                    continue
                key = (u.id, per.code, item.id)
                if key in MISSING:
                    continue
                folder = f"disclosures/{u.id}/{per.code}"
                slug = item.slug
                pub = LATE.get(key) or published_date(rng, per, base_day)
                data: dict = {"leaders": leaders, "leader_rows": leader_rows}
                meta: dict = {"item": item.id}
                if key in NIL:
                    meta["title"] = title_for(item, per, u, {"project": "公益事业"}).replace("建设情况", "建设情况") + "(无)"
                    meta["published"] = pub
                    meta["nil"] = NIL[key]
                    body = f"经{u.name}{'村' if u.level == 'village' else '政'}务公开小组核实,{per.label}{NIL[key].removeprefix('本季度').removeprefix('本半年')},特此说明。"
                    out.text(f"{folder}/{slug}.md", front_matter(meta) + body + "\n")
                    stats["disclosures"] += 1
                    stats["nil"] += 1
                    continue
                tables = []
                if item.table == "ledger":
                    bkey = (u.id, item.id)
                    if bkey not in balances:
                        balances[bkey] = {
                            "village.finance": money(rng, 60000, 220000, 1, True),
                            "village.assets": money(rng, 20000, 90000, 1, True),
                            "village.construction-funds": money(rng, 10000, 80000, 100),
                            "party.dues": money(rng, 50, 600, 1, True),
                            "party.aid-fund": money(rng, 2000, 9000, 100),
                            "gov.finance": money(rng, 400000, 1200000, 1, True),
                            "community.finance": money(rng, 15000, 50000, 1, True),
                        }[item.id]
                    extra_in = None
                    close_out = None
                    if u.id == "laowu" and item.id == "village.finance" and per.code == "2025-Q4":
                        close_out = "村级账户余额移交东山村(村庄撤并)"
                    if u.id == "dongshan" and item.id == "village.finance" and per.code == "2026-Q1" and laowu_handover:
                        extra_in = [(date(2026, 1, 6), "接收原老屋村账户余额(村庄撤并)", "往来款", laowu_handover)]
                    led = gen_ledger(rng, item.id, per, u, balances[bkey], names, extra_in, close_out)
                    if key == ("dongshan", "2026-Q2", "village.finance"):
                        # the deliberate error that finance-correction.md (2026-Q3) corrects
                        wrong = next(x for x in led.rows if x.expense and x.subject == "管理费用")
                        wrong.subject = "公益事业支出"
                        CORRECTED_ROW.append(wrong)
                    if close_out:
                        laowu_handover = led.rows[-1].expense
                    balances[bkey] = led.closing
                    ledgers[key] = led
                    data["ledger"] = led
                    words = (u.id, item.id) == AMOUNT_WORDS
                    enc = LEDGER_ENCODING.get(u.id, "utf-8")
                    fname = f"{slug}-ledger.csv"
                    out.text(f"{folder}/{fname}", ledger_csv(led, u.id, words), enc)
                    meta_bal = {"opening_balance": led.opening, "closing_balance": led.closing}
                    tables.append({"file": fname, "schema": "ledger", "caption": "收支明细" if item.id != "party.dues" else "党费收缴明细"})
                elif item.table == "roster":
                    text, n, total = roster_csv(rng, item.id, u, names, live_villages)
                    fname = f"{slug}-roster.csv"
                    out.text(f"{folder}/{fname}", text)
                    data["rows"], data["total"] = n, total
                    tables.append({"file": fname, "schema": "roster", "caption": "名单"})
                    meta_bal = {}
                else:
                    meta_bal = {}
                if item.id == "village.public-works":
                    data["project"] = u.projects[project_idx % len(u.projects)]
                    project_idx += 1
                    if u.id == "dongshan" and per.code in ("2026-Q2", "2026-Q3"):
                        # the road of decisions/dongshan/road-hardening.yaml
                        data["project"], data["budget"] = "村主干道硬化工程", Decimal("192000.00")
                        data["stage"] = ("路基和排水沟已完成,正在浇筑混凝土路面" if per.code == "2026-Q2" else
                                         "已于9月中旬完工,9月26日通过镇村两级验收,硬化路面2.3公里,实际支出186400.00元")
                if item.id == "gov.procurement":
                    text, n, total = procurement_csv(rng, per, live_villages)
                    fname = "procurement-results.csv"
                    out.text(f"{folder}/{fname}", text)
                    data["rows"], data["total"] = n, total
                    tables.append({"file": fname, "schema": "generic", "caption": "采购和招投标结果"})
                if u.id == "dongshan" and item.id == "village.finance" and per.code == "2026-Q1" and laowu_handover:
                    data["finance_note"] = f"1月6日,原老屋村撤并后移交的村级账户余额{fmt(laowu_handover)}元已转入本村账户,单列核算。"
                if u.id == "laowu" and item.id == "village.finance" and per.code == "2025-Q4":
                    data["finance_note"] = "根据县政府批复,老屋村于2025年底并入东山村。本季度末,经镇农村经济经营管理站审计,村级账户余额已全部移交东山村,老屋村账户同时注销。"
                meta["title"] = title_for(item, per, u, data)
                meta["published"] = pub
                data["published"] = pub
                meta.update(meta_bal)
                attachments = None
                if (u.id, per.code, item.id) == ("dongshan", "2026-Q2", "village.public-works"):
                    attachments = ["road-contract.pdf"]
                    out.binary(f"{folder}/road-contract.pdf", minimal_pdf("Dongshan village road hardening: contract and budget (demo)"))
                if tables:
                    meta["tables"] = tables
                if attachments:
                    meta["attachments"] = attachments
                body = body_for(w, item, u, per, data, town, live_villages)
                if attachments:
                    body += "\n\n施工合同和工程预算书扫描件见附件。"
                out.text(f"{folder}/{slug}.md", front_matter(meta) + body + "\n")
                stats["disclosures"] += 1

    stats["disclosures"] += write_specials(out, rng, w, villages, ledgers)
    stats["decisions"] = write_decisions(out, villages)
    stats["ledgers"] = len(ledgers)
    stats["requests"] = sum(write_requests(out, u) for u in villages + [com] if not u.until)
    return stats


def procurement_csv(rng: random.Random, per: Per, villages: list[UnitInfo]) -> tuple[str, int, Decimal]:
    firms = ["青石建工有限公司", "闽江路桥工程有限公司", "山城水利建设有限公司", "绿源园林绿化有限公司", "榕安消防设备有限公司", "新桥办公用品商行"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["项目名称", "采购方式", "中标(成交)单位", "中标金额(元)", "结果公示日期"])
    n = rng.randint(2, 5)
    total = Decimal(0)
    for _ in range(n):
        v = rng.choice(villages)
        name = v.name + rng.choice(v.projects)
        amt = money(rng, 60000, 900000, 100)
        total += amt
        d = per.start + timedelta(days=rng.randint(5, (per.end - per.start).days))
        how = "公开招标" if amt >= 400000 else ("竞争性磋商" if amt >= 150000 else "询价")
        w.writerow([name, how, rng.choice(firms), fmt(amt), d.isoformat()])
    return buf.getvalue(), n, total


def write_specials(out: Out, rng: random.Random, w: Writer, villages: list[UnitInfo], ledgers: dict) -> int:
    by = {v.id: v for v in villages}
    n = 0
    # 1. correction: dongshan 2026-Q3/finance-correction.md corrects 2026-Q2/finance
    q2 = ledgers[("dongshan", "2026-Q2", "village.finance")]
    row_no, row = next((i, r) for i, r in enumerate(q2.rows, 1) if r is CORRECTED_ROW[0])
    right = "管理费用"
    d = by["dongshan"]
    buf = io.StringIO()
    cw = csv.writer(buf, lineterminator="\n")
    cw.writerow(["原表行次", "凭证号", "摘要", "金额(元)", "原记载科目", "更正后科目"])
    cw.writerow([row_no, row.voucher, row.summary, fmt(row.expense), row.subject, right])
    out.text("disclosures/dongshan/2026-Q3/finance-correction-table.csv", buf.getvalue())
    meta = {"item": "village.finance", "title": "更正:2026年第二季度村级财务收支情况", "published": date(2026, 9, 8),
            "corrects": "2026-Q2/finance", "revision_note": f"更正收支明细第{row_no}行的会计科目",
            "tables": [{"file": "finance-correction-table.csv", "schema": "generic", "caption": "更正对照"}]}
    out.text("disclosures/dongshan/2026-Q3/finance-correction.md", front_matter(meta) + compose(
        f"{d.name}于2026年7月公开的《2026年第二季度村级财务收支情况》中,收支明细第{row_no}行(凭证{row.voucher},“{row.summary}”,"
        f"支出{fmt(row.expense)}元)的会计科目误记为“{row.subject}”,应为“{right}”。",
        "该笔支出的金额、日期和经手人均无误,本季度收支合计和期末结余不受影响。此错误由村务监督委员会在9月初复核凭证时发现,"
        f"经镇农村经济经营管理站确认后予以更正,村报账员已在账簿中作了调整分录。",
        f"特此更正,并向村民致歉。如有疑问,请联系村务监督委员会主任{d.supervisor},电话{d.office}。",
    ) + "\n")
    n += 1
    # 2. embargo: dongshan 2026-Q4/public-works.md, not on the site before 2026-12-01
    meta = {"item": "village.public-works", "title": "冬春农田水利设施修缮工程公示", "published": date(2026, 11, 20),
            "publish_at": date(2026, 12, 1)}
    out.text("disclosures/dongshan/2026-Q4/public-works.md", front_matter(meta) + compose(
        f"经{d.name}村民代表会议表决通过,本村将于2026年12月起实施冬春农田水利设施修缮工程,清淤灌溉渠约2.6公里,修复渠首闸门2处,预算68,500.00元,"
        "资金来源为一事一议财政奖补资金和村集体自筹。",
        "工程拟采用村级小微工程简易程序确定施工单位,施工期间由村民代表组成监督小组全程监督。本公示自12月1日起在村务公开栏和网站同步公开,公示期七天。",
        f"对工程方案有意见的村民,请在公示期内向村委会或村务监督委员会反映,电话{d.office}。",
    ) + "\n")
    n += 1
    # 3. two public-works disclosures in one period: dongshan 2026-Q2 (public-works.md is the regular one)
    meta = {"item": "village.public-works", "title": "2026年第二季度东坑溪便民桥改建工程建设情况", "published": date(2026, 7, 14)}
    out.text("disclosures/dongshan/2026-Q2/public-works-bridge.md", front_matter(meta) + compose(
        f"东坑溪便民桥原为石板桥,年久失修,汛期常被洪水漫过,影响两岸村民通行和茶叶运输。经{d.name}“四议两公开”程序,村民代表会议于4月8日表决同意改建。",
        "新桥为钢筋混凝土平板桥,长18米、宽4.5米,预算236,450.50元,其中上级乡村振兴衔接资金180,000.00元,村集体自筹56,450.50元。"
        "工程于5月6日开工,6月28日完工,7月3日通过镇村两级验收,实际支出231,980.00元。",
        f"工程资金收支已列入本季度新农村建设资金使用情况公开。如有疑问,请联系村务监督委员会主任{d.supervisor},电话{d.office}。",
    ) + "\n")
    n += 1
    # 4. withdrawn by date: nanxi 2026-Q3 land-transfer-notice.md (公示 ended 2026-08-30)
    nx = by["nanxi"]
    meta = {"item": "village.land", "title": "南溪村集体鱼塘周边土地流转公示", "published": date(2026, 8, 20),
            "withdraw_at": date(2026, 8, 30)}
    out.text("disclosures/nanxi/2026-Q3/land-transfer-notice.md", front_matter(meta) + compose(
        f"根据村民代表会议决议,{nx.name}拟将第二、第三村民小组承包农户自愿流转的耕地共42.5亩,统一流转给本村柑橘专业合作社经营,流转期限6年,"
        "流转费每年每亩450元,每三年按5%递增,由合作社直接支付给承包农户。",
        "涉及农户28户,均已签订书面委托书。现予公示,公示期自2026年8月20日至8月30日。",
        f"对流转面积、价格有异议的农户,请在公示期内到村部登记或拨打{nx.office}。",
    ) + "\n")
    n += 1
    # 5. withdrawn now: xiba 2026-Q1 contracts-tender-notice.md (withdrawn: 公示期满)
    xb = by["xiba"]
    meta = {"item": "village.contracts", "title": "西坝水库养殖水面承包竞价公告", "published": date(2026, 2, 10),
            "withdrawn": "公示期满"}
    out.text("disclosures/xiba/2026-Q1/contracts-tender-notice.md", front_matter(meta) + compose(
        f"经{xb.name}村民代表会议同意,西坝水库养殖水面约120亩对外公开竞价发包,承包期5年,起拍价每年36,000.00元,竞价保证金5,000.00元。",
        "报名时间为2026年2月10日至2月24日,竞价会于2月26日上午在村部会议室举行,镇农村经济经营管理站和村务监督委员会现场监督。",
        f"竞价结果另行公示。咨询电话{xb.office}。",
    ) + "\n")
    n += 1
    return n


def write_decisions(out: Out, villages: list[UnitInfo]) -> int:
    docs = {
        "dongshan/road-hardening.yaml": """# 四议两公开 — done: all six steps in order
title: 村主干道硬化工程
item: village.public-works
steps:
  proposal: 2026-03-02
  consultation: 2026-03-05
  review: { date: 2026-03-10, minutes: "党员大会同意提交村民代表会议表决", votes: { present: 38, for: 36, against: 1, abstain: 1 } }
  resolution: { date: 2026-03-15, minutes: "村民代表会议表决通过硬化方案和资金筹集办法", votes: { present: 45, for: 41, against: 2, abstain: 2 } }
  resolution_published: 2026-03-18
  result_published: 2026-09-30
status: done
result: 工程已完工并通过验收,硬化路面2.3公里,实际支出 186,400.00 元。
""",
        "xiba/irrigation-canal.yaml": """# 四议两公开 — in progress: voted, resolution disclosed within 7 days, result not yet due
title: 西坝片区灌溉水渠改造
item: village.public-works
steps:
  proposal: 2026-10-20
  consultation: 2026-10-24
  review: { date: 2026-11-05, minutes: "党员大会审议同意改造方案", votes: { present: 31, for: 29, against: 0, abstain: 2 } }
  resolution: { date: 2026-11-12, minutes: "村民代表会议表决通过", votes: { present: 42, for: 38, against: 1, abstain: 3 } }
  resolution_published: 2026-11-16
status: in-progress
""",
        "nanxi/fishpond-lease.yaml": """# 四议两公开 — OVERDUE: resolution voted 2026-10-10, not disclosed within 7 days
title: 村集体鱼塘对外发包
item: village.contracts
steps:
  proposal: 2026-09-15
  consultation: 2026-09-18
  review: { date: 2026-09-28, minutes: "党员大会审议同意公开竞价发包", votes: { present: 35, for: 32, against: 2, abstain: 1 } }
  resolution: { date: 2026-10-10, minutes: "村民代表会议表决通过发包方案", votes: { present: 40, for: 34, against: 4, abstain: 2 } }
status: in-progress
""",
        "beiling/plaza-relocation.yaml": """# 四议两公开 — rejected by the villagers' representatives; the (negative) resolution was still disclosed
title: 村部文化广场迁建
item: village.public-works
steps:
  proposal: 2026-05-06
  consultation: 2026-05-09
  review: { date: 2026-05-20, minutes: "党员大会同意提交村民代表会议表决", votes: { present: 41, for: 27, against: 10, abstain: 4 } }
  resolution: { date: 2026-06-02, minutes: "村民代表会议未通过,多数代表认为原址改造更节省", votes: { present: 52, for: 19, against: 28, abstain: 5 } }
  resolution_published: 2026-06-05
status: rejected
result: 迁建方案未获村民代表会议通过,村“两委”将另行研究原址改造方案。
""",
        "shangyuan/tea-factory-lease.yaml": """# 四议两公开 — done in 2025
title: 村集体茶叶加工厂房出租
item: village.contracts
steps:
  proposal: 2025-04-03
  consultation: 2025-04-07
  review: { date: 2025-04-15, votes: { present: 29, for: 27, against: 1, abstain: 1 } }
  resolution: { date: 2025-04-22, votes: { present: 39, for: 35, against: 2, abstain: 2 } }
  resolution_published: 2025-04-25
  result_published: 2025-06-30
status: done
result: 经公开竞价,厂房以每年 48,600.00 元出租,租期5年,首年租金已全部收缴入村集体账户。
""",
    }
    for rel, text in docs.items():
        out.text(f"decisions/{rel}", text)
    return len(docs)


# --------------------------------------------------------------------------------------------
# Checks (stdlib only)
# --------------------------------------------------------------------------------------------

ALLOWED_KEYS = {"item", "title", "published", "publish_at", "withdraw_at", "nil", "corrects", "revision_note",
                "withdrawn", "opening_balance", "closing_balance", "tables", "attachments"}
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID18 = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
LONG_DIGITS = re.compile(r"\d{16,19}")
ADDRESS = re.compile(r"[路街巷弄组]\s*\d+\s*号")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def read_table(p: Path) -> list[list[str]]:
    raw = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return list(csv.reader(io.StringIO(text)))


def dec(s: str) -> Decimal:
    return Decimal(s.replace(",", "")) if s.strip() else Decimal(0)


def check(root: Path) -> list[str]:
    problems: list[str] = []
    for p in sorted(root.rglob("*")):
        if p.is_dir() or p.suffix == ".pdf":
            continue
        raw = p.read_bytes()
        if b"\r" in raw:
            problems.append(f"{p}: CRLF")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        for rx, what in ((MOBILE, "mobile"), (ID18, "id"), (LONG_DIGITS, "long digits"), (ADDRESS, "address")):
            if rx.search(text):
                problems.append(f"{p}: {what}: {rx.search(text).group(0)}")
    for md in sorted((root / "disclosures").rglob("*.md")):
        if not SLUG.match(md.stem):
            problems.append(f"{md}: bad slug")
        text = md.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not m:
            problems.append(f"{md}: no front matter")
            continue
        fm, body = m.group(1), m.group(2)
        keys = [line.split(":", 1)[0] for line in fm.splitlines() if line and not line.startswith(" ")]
        for k in keys:
            if k not in ALLOWED_KEYS:
                problems.append(f"{md}: key {k}")
        vals = {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in fm.splitlines() if line and not line.startswith(" ")}
        for k in ("published", "publish_at", "withdraw_at"):
            if k in vals and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", vals[k]):
                problems.append(f"{md}: {k} {vals[k]}")
        for f in re.findall(r"file: (\S+)", fm) + re.findall(r"attachments: \[(.*)\]", fm):
            for name in f.split(", "):
                if not (md.parent / name).exists():
                    problems.append(f"{md}: missing {name}")
        if "nil" not in vals and "corrects" not in vals and "publish_at" not in vals and "withdrawn" not in vals and "withdraw_at" not in vals:
            n = cn_len(body)
            if not 120 <= n <= 420:
                problems.append(f"{md}: body has {n} Chinese characters")
        for f in re.findall(r"file: (\S+-ledger\.csv)", fm):
            rows = read_table(md.parent / f)
            head = rows[0]
            ii = next(i for i, h in enumerate(head) if h in ("收入", "收入(元)", "收入金额"))
            ei = next(i for i, h in enumerate(head) if h in ("支出", "支出(元)", "支出金额"))
            si = 1
            data = [r for r in rows[1:] if r[si] != "合计"]
            total = next(r for r in rows[1:] if r[si] == "合计")
            inc = sum((dec(r[ii]) for r in data), Decimal(0))
            exp = sum((dec(r[ei]) for r in data), Decimal(0))
            if inc != dec(total[ii]) or exp != dec(total[ei]):
                problems.append(f"{md}: totals")
            ob, cb = Decimal(vals["opening_balance"]), Decimal(vals["closing_balance"])
            if ob + inc - exp != cb:
                problems.append(f"{md}: balance {ob}+{inc}-{exp}!={cb}")
            if "大写金额" in head:
                wi = head.index("大写金额")
                for r in data:
                    amt = dec(r[ii]) or dec(r[ei])
                    if amount_words(amt) != r[wi]:
                        problems.append(f"{md}: words {r}")
    # ledger chains: each period's opening = previous period's closing
    chains: dict[tuple[str, str], list[tuple[str, Decimal, Decimal]]] = {}
    for md in (root / "disclosures").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        ob = re.search(r"^opening_balance: (\S+)", text, re.M)
        if ob:
            item = re.search(r"^item: (\S+)", text, re.M).group(1)
            cb = re.search(r"^closing_balance: (\S+)", text, re.M)
            chains.setdefault((md.parts[-3], item), []).append((md.parts[-2], Decimal(ob.group(1)), Decimal(cb.group(1))))
    for k, lst in chains.items():
        lst.sort()
        for (p1, _, c1), (p2, o2, _) in zip(lst, lst[1:]):
            if c1 != o2:
                problems.append(f"chain {k} {p1}->{p2}: {c1} != {o2}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "input", help="output folder (default: input/ of the repository)")
    ap.add_argument("--check", action="store_true", help="only check the output folder")
    args = ap.parse_args()
    if not args.check:
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.mkdir(parents=True)
        stats = generate(Out(args.out))
        print("generated:", ", ".join(f"{k}={v}" for k, v in stats.items()))
    problems = check(args.out)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    print(f"check: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
