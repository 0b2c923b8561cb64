# Builds test/fixtures/invalid/<CODE>.yaml from the mini questionnaire with one defect each.
# The expected position is where the `needle` text first occurs (after `after`, if given): computed from the text, not from naq.
import os, re
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
base = open(os.path.join(ROOT, 'test/fixtures/valid/mini.yaml')).read()
out = os.path.join(ROOT, 'test/fixtures/invalid')
os.makedirs(out, exist_ok=True)

def pos(text, needle, after=None, col_offset=0):
    start = text.index(after) + len(after) if after else 0
    i = text.index(needle, start) + col_offset
    line = text.count('\n', 0, i) + 1
    col = i - (text.rfind('\n', 0, i) + 1) + 1
    return line, col

def write(code, text, needle, after=None, col_offset=0, name=None):
    body = text
    header = '# expect: {code} {line}:{col}\n'
    # header adds one line: compute on final text
    tmp = header.format(code=code, line=0, col=0) + body
    line, col = pos(tmp, needle, after, col_offset)
    final = header.format(code=code, line=line, col=col) + body
    open(os.path.join(out, (name or code) + '.yaml'), 'w').write(final)

def sub(old, new, count=1, text=None):
    t = text if text is not None else base
    assert old in t, old
    return t.replace(old, new, count)

# --- reading and parsing
write('YAML_SYNTAX', 'kind: questionnaire\nid: broken\ntitle: en: English\n', 'en: English')
write('DUPLICATE_KEY', sub('version: 1.2.0\n', 'version: 1.2.0\nversion: 1.3.0\n'), 'version: 1.3.0')
write('MULTIPLE_DOCUMENTS', base + '---\nkind: questionnaire\n', '---\nkind: questionnaire\n', after='PRR.05')
lol = 'kind: questionnaire\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
prev = 'a'
for i, n in enumerate('bcdefghijklmnopq'):
    lol += f'{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n'
    prev = n
write('ALIAS_LIMIT', lol, '*l', after='m: &m [*l,')
write('FORBIDDEN_KEY', sub('id: mini\n', 'id: mini\n__proto__: {polluted: true}\n'), '__proto__')
write('UNKNOWN_KIND', sub('kind: questionnaire', 'kind: questionnare'), 'questionnare')
write('EMPTY_FILE', '# only a comment\n\n', '# expect')
# --- schema
write('UNKNOWN_PROPERTY', sub('        weight: 3\n', '        weight: 3\n        requried: true\n'), 'requried')
write('MISSING_PROPERTY', sub('        phase: preparedness\n        for: [health, customs, regulator]\n        evidence: required\n', '        for: [health, customs, regulator]\n        evidence: required\n'), '- id: PRR.01', col_offset=2)
write('WRONG_TYPE', sub('        weight: 3\n', '        weight: high\n'), 'high')
write('INVALID_VALUE', sub('        phase: detection\n        weight: 3', '        phase: detect\n        weight: 3'), 'detect\n')
# --- semantic rules
write('VERSION_NOT_SEMVER', sub('version: 1.2.0', 'version: "1.2"'), '"1.2"')
write('DUPLICATE_AREA_ID', sub('  - id: PRR\n', '  - id: DET\n'), 'DET\n    title: {en: Preparedness', col_offset=0)
write('DUPLICATE_QUESTION_ID', sub('      - id: PRR.04\n', '      - id: DET.03\n'), 'DET.03\n        text: {en: Describe')
write('DUPLICATE_AGENCY_ID', sub('  - {id: regulator, name: {en: Regulator,', '  - {id: customs, name: {en: Regulator,'), 'customs, name: {en: Regulator')
write('OPTION_LABEL_SEPARATOR', sub('{value: regional, label: {en: Regional plans', '{value: regional, label: {en: "Regional; district plans"'), '"Regional; district')
write('DUPLICATE_OPTION_VALUE', sub('{value: regional, label: {en: Regional plans', '{value: national, label: {en: Regional plans'), 'national, label: {en: Regional')
write('EMPTY_OPTIONS', sub('''        options:
          - {value: interior, label: {en: Interior, fr: Intérieur}}
          - {value: emergency, label: {en: Emergency ministry, fr: Ministère des urgences}}
''', '''        options: []
'''), '[]')
write('OPTIONS_NOT_ALLOWED', sub('''        type: text
''', '''        type: text
        options:
          - {value: a, label: {en: A, fr: A}}
'''), 'options:\n          - {value: a')
write('UNKNOWN_QUESTION_REF', sub('when: {question: DET.01, is: "yes"}', 'when: {question: DET.09, is: "yes"}'), 'DET.09')
write('SELF_REF', sub('when: {question: DET.01, is: "yes"}', 'when: {question: DET.02, is: "yes"}'), 'DET.02, is')
write('FORWARD_REF', sub('when: {question: DET.01, is: "yes"}', 'when: {question: PRR.05, is: interior}'), 'PRR.05, is')
write('IMPOSSIBLE_CONDITION_VALUE', sub('when: {question: DET.01, is: "yes"}', 'when: {question: DET.01, is: maybe}'), '{question: DET.01, is: maybe}')
cyc = sub('''        for: [health, customs, regulator]
        evidence: required
''', '''        for: [health, customs, regulator]
        evidence: required
        when: {question: PRR.02, is: "2024-01-01"}
''')
write('CONDITION_CYCLE', cyc, 'when: {question: PRR.02', col_offset=6)
write('CONDITION_NOT_ASKED', sub('        for: [regulator]\n        when: {question: DET.01, is: "yes"}', '        for: [regulator, health]\n        when: {question: DET.01, is: "yes"}'), '[regulator, health]')
write('UNKNOWN_AGENCY', sub('for: [customs, regulator]\n        lead: regulator', 'for: [customs, regulatr]\n        lead: customs'), 'regulatr')
write('LEAD_NOT_ASKED', sub('        for: [health]\n        lead: health', '        for: [health]\n        lead: customs'), 'customs\n        when')
write('MISSING_TRANSLATION', sub('text: {en: How many stations does it have?, fr: Combien de stations compte-t-il ?}', 'text: {en: How many stations does it have?}'), '{en: How many stations')
write('UNDECLARED_LANGUAGE', sub('title: {en: Mini questionnaire, fr: Mini questionnaire}', 'title: {en: Mini questionnaire, fr: Mini questionnaire, de: Mini-Fragebogen}'), 'de: Mini')
write('MIN_GREATER_THAN_MAX', sub('        min: 0\n        max: 10000\n', '        min: 100\n        max: 10\n'), '100\n')
write('WEIGHT_OUT_OF_RANGE', sub('        weight: 3\n', '        weight: 7\n'), '7\n')
write('UNKNOWN_SCALE', sub('        weight: 3\n        for: [health, regulator]', '        scale: maturity\n        weight: 3\n        for: [health, regulator]'), 'maturity')
write('BAD_SCALE', sub('      - {value: 3, label: {en: Developed', '      - {value: 2, label: {en: Developed'), '2, label: {en: Developed')
write('BAD_RECODE', sub('''          - {value: emergency, label: {en: Emergency ministry, fr: Ministère des urgences}}
''', '''          - {value: emergency, label: {en: Emergency ministry, fr: Ministère des urgences}}
        recode: {civil-defence: civil-protection}
'''), 'civil-protection')

# --- the method: level descriptors, references, scoring fields, the profile, criticality
LEVELS = ''.join(f'          {i}: {{en: "Level {i} of surveillance.", fr: "Niveau {i} de la surveillance."}}\n' for i in range(1, 6))
DESCRIBED = sub("        help: {en: Think of JEE D.1., fr: Pensez à l'indicateur JEE D.1.}\n        type: level\n",
                "        help: {en: Think of JEE D.1., fr: Pensez à l'indicateur JEE D.1.}\n        type: level\n        levels:\n" + LEVELS)
write('GENERIC_LEVELS', DESCRIBED, 'level', after='- id: PRR.03\n        text: {en: How well are hospitals prepared?, fr: Quel est le niveau de préparation des hôpitaux ?}\n        type: ')
write('LEVELS_MISMATCH', sub('          5: {en: "Level 5 of surveillance.", fr: "Niveau 5 de la surveillance."}\n', '          6: {en: "Level 6 of surveillance.", fr: "Niveau 6 de la surveillance."}\n', text=DESCRIBED), 'levels', after='- id: DET.03')
write('MISSING_REFERENCES', sub('        weight: 3\n        for: [health, regulator]', '        weight: 3\n        references: [{jee3: D1.1}]\n        for: [health, regulator]'), 'DET.01')
# Both level questions described: a revision written to the method, which WEIGHT_NOT_SCORED applies to.
BOTH = sub('        lead: health\n        when: {any:', '        levels:\n' + LEVELS.replace('la surveillance', 'la préparation des hôpitaux').replace('surveillance', 'hospital preparedness') + '        lead: health\n        when: {any:', text=DESCRIBED)
write('WEIGHT_NOT_SCORED', sub('        type: multi-choice\n', '        type: multi-choice\n        weight: 2\n', text=BOTH), 'weight', after='- id: PRR.01')
write('ORDINAL_LEVELS_PARTIAL', sub('          - {value: interior, label: {en: Interior, fr: Intérieur}}\n', '          - {value: interior, level: 2, label: {en: Interior, fr: Intérieur}}\n'), '{value: emergency', after='- id: PRR.05')
write('FIELD_NOT_FOR_TYPE', sub('        weight: 3\n        for: [health, regulator]', '        weight: 3\n        aggregate: sum\n        for: [health, regulator]'), 'aggregate')
write('PROFILE_MISPLACED', sub("  - id: PRR\n", "  - id: PRR\n    profile: true\n"), 'profile')
write('BAD_RISK_LINK', sub('areas:\n', 'criticality:\n  - {question: PRR.05, domains: [C]}\nareas:\n'), 'PRR.05, domains')
print(sorted(os.listdir(out)))
