# language: en
# stories for senior GenAI loops, written as scenarios bc it's the only format
# I reliably finish lol. Given = setup, When = what happened / what I did,
# Then = result, But = the honest caveat. Tags = which questions it answers.
#
# TODO: @wip ones need writing before Thursday
# TODO: cut every scenario to < 2 min spoken
# questions to ask them (keeping here so I don't lose them):
#   - how do you evaluate prompt changes before release today?
#   - who is on call for the LLM features, and has anyone been paged for one?
#   - what's the split between building on hosted models and self-hosting?

Feature: Anselm's behavioural stories (senior GenAI engineer)
  As a candidate with not much time
  I want every story in one shape
  So that I can drill them on the train

  Background:
    Given I always open with the number
    And I say "I" not "we" for the bits I actually did
    And I stop talking after the "But" line and let them ask

  @intro @why-genai
  Scenario: Who I am, in 90 seconds
    Given I'm a senior ML engineer at Wrenfield, which makes software for about 2,000 letting agencies
    And I've spent the last three years building our generative features: the tenant message assistant, lease clause extraction, and maintenance triage
    And before that I did four years of search and ranking at a travel site, so retrieval is where I started
    When people ask why generative work, the honest answer is that it's the first kind of ML where the product is the conversation itself, and the hard problems are evaluation and trust, which I like more than squeezing another point of accuracy
    And I care most about the boring parts that make it work for real users: eval sets, citations, fallbacks, cost
    Then I'm looking for a team where GenAI is the core product, not a feature bolted on, and where I can set technical direction across a few squads
    But I'm not looking to manage people yet, I want to stay hands on

  @incident @hallucination @genai-incident
  Scenario: The deposit answer
    Given our tenant assistant answers questions from each agency's documents plus a shared legal knowledge base
    And in March 2025 an agency in Scotland forwarded us a screenshot
    When a tenant had asked how long the landlord has to protect their deposit, the bot answered with the English rule, 30 days, citing an English guidance page
    And Scotland's rule is different, and the tenant had relied on it in an argument with their landlord
    Then I was on call, so I turned off the legal knowledge base for Scottish agencies within the hour and left only their own documents
    And I found the cause: the legal documents had no jurisdiction metadata, so retrieval happily mixed England, Scotland and Wales
    And over the next two weeks I tagged every legal doc by nation, filtered retrieval by the agency's nation, and made the bot say which nation's rule it is quoting
    And I added 120 nation-specific questions to the eval set
    But we only found it because one agency complained. We then searched the logs and found 37 other conversations with the same mix-up, and support contacted each tenant.

  @evals @quality @tech-direction
  Scenario: No more vibes
    Given in 2024 we had five engineers changing prompts for the tenant assistant
    And every change was judged by the author reading ten conversations and saying it looked better
    When a prompt change that "looked better" doubled the rate of answers with no citation, and nobody noticed for a month
    Then I proposed we stop shipping prompt changes without numbers, and built the eval harness myself over about five weeks
    And it runs 600 real (anonymised) tenant conversations on every pull request, scored on citation present, answer correct, and tone
    And for correctness I used an LLM grader, but first I had two support leads label 200 answers and only trusted the grader once it agreed with them 89% of the time
    And I wrote a one-page guide and paired with each engineer on their first eval run
    Then the citation-less rate went from 11% to under 2%, and two risky changes were caught before release in the first quarter
    But the tone score never really worked, we dropped it

  @cost @latency @cost-win
  Scenario: The 9-second lease
    Given lease clause extraction sent whole leases (30-80 pages) to the biggest hosted model
    And p95 latency was 9 seconds per lease, and agencies upload leases in batches of hundreds
    And it cost about £0.40 per lease, roughly £21k a month at our volume
    When I split the lease into sections first and only sent the sections likely to contain the 14 clauses we extract
    And I fine-tuned a small open model on 4,000 leases that our own reviewers had already corrected
    And I kept the big model as a fallback only when the small one's confidence was low (about 8% of leases)
    Then p95 went from 9 s to 2.1 s and cost per lease dropped about 72%
    And extraction accuracy on our held-out set stayed level, 96.1% vs 96.4% [check: or 96.3?]
    But running our own model meant we now own GPU capacity, which the platform team had to agree to first

  @conflict @agents @disagree-design
  Scenario: Agents booking plumbers
    Given our PM, Freya, wanted the maintenance triage to go one step further and book contractors automatically
    And she had a demo from a hackathon where an agent read the tenant's message, picked a contractor and booked the slot
    When I looked at the demo against 300 real maintenance messages, it booked the wrong trade or wrong urgency about 1 in 7 times
    And a wrong booking costs the agency a call-out fee and sometimes a gas emergency handled as routine
    Then I disagreed in the design review, and I made the case in writing instead of just saying no
    And I proposed the agent drafts the booking and a human at the agency confirms with one click, with urgent gas and water leaks always escalated to a phone call
    And Freya agreed to run both for a month with three agencies
    Then one-click confirmation was accepted 91% of the time unchanged, and agencies said they preferred it
    But Freya still thinks full automation is right for low-risk jobs, and she might be right for those. We agreed to revisit at 97% accuracy.

  @mentoring @raise-bar
  Scenario: Priyanka's first eval
    Given Priyanka joined as a junior engineer from a backend team in 2025, no ML background
    And she was put on the maintenance triage feature, which had no tests at all for its prompts
    When I offered to mentor her for one hour a week for a quarter, and she wanted to own the triage evals
    Then we started with her labelling 50 messages herself, so she understood the task before measuring it
    And I reviewed her eval design in writing, with questions, not fixes
    And by week six she had built a 400-message eval set and found that the model missed urgency in messages written in Polish and Romanian
    And she presented that finding at our team demo herself
    Then her fix (translating before classifying for low-confidence messages) raised urgent-message recall from 78% to 93%
    And she now runs the eval review for the whole triage squad
    But I should have pushed earlier for her to get credit in her review; I only did it when her manager asked me

  @failure @chunking @failed-approach
  Scenario: Where did the tables go
    Given in late 2024 I pushed to replace our page-based chunking with semantic chunking for agency documents
    And I was confident because semantic chunking won on our retrieval benchmark by 6 points
    When we re-indexed all agencies' documents with the new chunker
    Then retrieval looked fine on the benchmark, but answers about fees and rent schedules got worse
    And it took three weeks and an annoyed agency to find out why: the new chunker dropped tables that were converted from PDFs, so fee tables just vanished from the index
    And our benchmark had almost no table questions, which is why it never showed up
    Then I owned it in our team retro, rolled back for affected doc types, and added table-heavy questions (around 80) to the benchmark
    And we fixed the PDF conversion so tables become text rows before chunking
    But the lesson I took is about me: I trusted a benchmark I had built myself without asking what it didn't cover

  @wip @ambiguous-ask
  Scenario: "Add AI to the inspection reports"
    # TODO - the property inspection summariser, vague ask from sales. Not written yet.

  Scenario Outline: numbers to say without thinking
    Given the story "<story>"
    Then I say "<number>"

    Examples:
      | story               | number                           |
      | the deposit answer  | 37 other conversations, 120 q's  |
      | no more vibes       | 600 convos, 89% agreement, 11→2% |
      | the 9-second lease  | 9 s → 2.1 s, -72% cost           |
      | plumbers            | 1 in 7 wrong, 91% accepted       |
      | tables              | 6 points, 3 weeks, ~80 questions |

  @not-a-story
  Rule: things I revise but don't tell as stories
    - chunking trade-offs: fixed vs semantic vs structure-aware
    - reranking with a cross-encoder, hybrid retrieval
    - LLM-as-judge bias: position, length, self-preference
    - guardrails: input filtering vs output checking
