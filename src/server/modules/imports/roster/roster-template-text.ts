import { residentIdCheckChar } from '../../../../shared/identity';
import { ROSTER_COLUMNS, type RosterColumnKey } from './roster-columns';
import { allowedWords } from './roster-value-aliases';

/** Allowed values per enumerated column, as offered in the template's dropdowns and instructions. */
/** Marks the template's example rows; the import skips rows that still carry it. */
export const TEMPLATE_EXAMPLE_NOTE = '示例，填写前请删除';

export const TEMPLATE_CHOICES: Partial<Record<RosterColumnKey, string[]>> = {
  gender: allowedWords('gender'),
  docType: allowedWords('docType'),
  relationToHead: allowedWords('relation'),
  residenceType: allowedWords('residenceType'),
  tags: allowedWords('tag'),
};

export const TEMPLATE_NOTES: readonly string[] = [
  '1. 请在“居民花名册”表中填写，一行一人。第一行是表头，请不要修改或删除列名；不用的选填列可以留空。',
  '2. 表头为红色的列必须填写：姓名、证件号码、楼栋、门牌号。',
  '3. 证件号码、手机号等列已设为文本格式，请不要改成“常规”或“数值”，否则 Excel 会把18位号码的末几位变成0。',
  '4. 前两行（张三、李四）是示例，身份证号码是虚构的，填写前请删除。',
  '5. 同一个证件号码出现在多行时合并为一个人，后面的行补充或更新前面的内容；姓名不一致的行不会导入。',
  '6. 有问题的行不会导入，导入后可以下载“未导入的行”，按“错误原因”改好后再次上传。',
];

function syntheticResidentId(first17: string): string {
  return `${first17}${residentIdCheckChar(first17)}`;
}

/**
 * Example rows: a couple in one flat. The ID numbers are made up (Beijing Chaoyang region code, valid
 * check character); the 17th digit sets the gender, odd for 张三 and even for 李四.
 */
export function templateExampleRows(): string[][] {
  const values: Array<Partial<Record<RosterColumnKey, string>>> = [
    {
      name: '张三',
      gender: '男',
      docType: '居民身份证',
      docNumber: syntheticResidentId('11010519800101001'),
      phone: '13800138000',
      birthDate: '1980-01-01',
      compound: '幸福里小区',
      building: '3号楼',
      entrance: '2单元',
      room: '302',
      relationToHead: '本人',
      residenceType: '户籍',
      tags: '党员',
      notes: TEMPLATE_EXAMPLE_NOTE,
    },
    {
      name: '李四',
      gender: '女',
      docType: '居民身份证',
      docNumber: syntheticResidentId('11010519820315002'),
      compound: '幸福里小区',
      building: '3号楼',
      entrance: '2单元',
      room: '302',
      relationToHead: '配偶',
      residenceType: '户籍',
      tags: '慢性病、低保',
      notes: TEMPLATE_EXAMPLE_NOTE,
    },
  ];
  return values.map((row) => ROSTER_COLUMNS.map((column) => row[column.key] ?? ''));
}
